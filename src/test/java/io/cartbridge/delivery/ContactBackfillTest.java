package io.cartbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cartbridge.testing.SendPulseStandIn.Contact;
import io.cartbridge.testing.ServiceHarness;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Five thousand past customers go into a SendPulse address book: only those who agreed, each
 * once, resumed after an outage, and never as events.
 */
class ContactBackfillTest {

    private static final int CUSTOMERS = 5000;

    @Test
    void should_import_every_consenting_customer_once_and_resume_after_an_outage() {
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("sendpulse.addressbook-id", "880011")
                .with("sendpulse.retry.max-attempts", "2")) {
            harness.runOnce();
            harness.activity.bulkCustomers("customer", CUSTOMERS, 3, 7);
            int buyer = 41;
            for (int i = 0; i < 2; i++) {
                int order = harness.activity.order().customer(buyer)
                        .contact("customer41@example.test", "C", "41", "")
                        .added(harness.activity.minutesAgo(60 * 24 * (10 + i)))
                        .line(40, "iPhone", "IP-1", 1, "100.0000", "20.0000").create();
                harness.activity.history(order, 5, harness.activity.minutesAgo(60 * 24 * 10));
            }
            ContactBackfill backfill = harness.service().context().getRegistry()
                    .lookupByNameAndType("contactBackfill", ContactBackfill.class);
            harness.sendPulse.failContactsAfter(12);

            assertThatThrownBy(() -> backfill.run(null, null))
                    .hasMessageContaining("resumes from here");
            int beforeResume = harness.sendPulse.contacts().size();
            harness.sendPulse.failContactsAfter(-1);
            String outcome = backfill.run(null, null);

            List<Contact> contacts = harness.sendPulse.contacts();
            Set<String> emails = new HashSet<>();
            contacts.forEach(contact -> emails.add(contact.email()));
            int consenting = (int) java.util.stream.IntStream.rangeClosed(1, CUSTOMERS)
                    .filter(ContactBackfillTest::consents).count();
            assertThat(beforeResume).isEqualTo(12 * 100);
            assertThat(contacts).hasSize(consenting);
            assertThat(emails).hasSize(consenting).doesNotContain("customer3@example.test");
            assertThat(harness.sendPulse.eventCalls()).isZero();
            assertThat(outcome).contains("done");
            JsonNode variables = contacts.stream()
                    .filter(contact -> contact.email().equals("customer41@example.test"))
                    .findFirst().orElseThrow().variables();
            assertThat(variables.path("name").asText()).isEqualTo("First41 Last41");
            assertThat(variables.path("orders").asInt()).isEqualTo(2);
            assertThat(variables.path("total_spent").decimalValue())
                    .isEqualByComparingTo("240.00");
            assertThat(variables.path("last_order_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(contacts).allSatisfy(contact ->
                    assertThat(contact.addressBook()).isEqualTo("880011"));

            assertThat(backfill.run(null, null)).contains("0 contact(s) added");
        }
    }

    @Test
    void should_keep_a_consenting_buyer_contact_up_to_date_after_the_purchase_event() {
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("sendpulse.addressbook-id", "880012")
                .with("sync.update-contacts-on-purchase", "true")) {
            harness.runOnce();
            int fan = harness.activity.customer("fan@example.test", "Fay", "Fan", "", true, true);
            int order = harness.activity.order().customer(fan)
                    .contact("fan@example.test", "Fay", "Fan", "")
                    .added(harness.activity.minutesAgo(5))
                    .line(40, "iPhone", "IP-1", 1, "100.0000", "20.0000").create();
            harness.activity.history(order, 2, harness.activity.minutesAgo(5));
            int guest = harness.activity.order().contact("guest@example.test", "G", "Uest", "")
                    .added(harness.activity.minutesAgo(5))
                    .line(40, "iPhone", "IP-1", 1, "100.0000", "20.0000").create();
            harness.activity.history(guest, 2, harness.activity.minutesAgo(5));

            harness.runOnce();

            assertThat(harness.sendPulse.emails("purchase")).hasSize(2);
            assertThat(harness.sendPulse.contacts()).singleElement().satisfies(contact -> {
                assertThat(contact.email()).isEqualTo("fan@example.test");
                assertThat(contact.addressBook()).isEqualTo("880012");
                assertThat(contact.variables().path("last_order_total").decimalValue())
                        .isEqualByComparingTo("120.00");
            });
        }
    }

    @Test
    void should_resume_each_date_range_on_its_own_and_refuse_a_reversed_one() {
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("sendpulse.addressbook-id", "880013")) {
            harness.runOnce();
            harness.activity.bulkCustomers("ranged", 30, 0, 0);
            ContactBackfill backfill = harness.service().context().getRegistry()
                    .lookupByNameAndType("contactBackfill", ContactBackfill.class);
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);

            assertThatThrownBy(() -> backfill.run(today, today.minusYears(1)))
                    .hasMessageContaining("is after its last date");
            // A range that holds nobody reads every customer, adds none...
            assertThat(backfill.run(today.minusYears(3), today.minusYears(2)))
                    .contains("0 contact(s) added, 30 customer(s) read");
            // ...and leaves the next range its own start.
            assertThat(backfill.run(today.minusDays(1), today.plusDays(1)))
                    .contains("30 contact(s) added");
            assertThat(backfill.run(today.minusDays(1), today.plusDays(1)))
                    .contains("0 contact(s) added, 0 customer(s) read")
                    .contains("this range was imported before");
            assertThat(harness.sendPulse.contacts()).hasSize(30);
        }
    }

    /** Every third customer did not tick the newsletter box; every seventh is disabled. */
    private static boolean consents(int i) {
        return i % 3 != 0 && i % 7 != 0;
    }
}
