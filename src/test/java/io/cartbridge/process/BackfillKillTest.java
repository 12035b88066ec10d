package io.cartbridge.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cartbridge.testing.SendPulseStandIn.Contact;
import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ServiceProcess;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command-line backfill of 5,000 customers, killed halfway and run again. */
class BackfillKillTest {

    private static final int CUSTOMERS = 5000;

    @Test
    void should_add_every_consenting_customer_once_after_a_kill() throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("sendpulse.addressbook-id", "550022")
                .with("sendpulse.rate-limit", "10")) {
            // Every fourth customer did not agree to the newsletter.
            harness.activity.bulkCustomers("backfill", CUSTOMERS, 4, 0);
            Map<String, String> settings = harness.properties();

            try (ServiceProcess first = ServiceProcess.start(settings, "--backfill")) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> harness.sendPulse.contactCalls() >= 10);
                first.kill();
            }
            int atKill = harness.sendPulse.contacts().size();
            try (ServiceProcess second = ServiceProcess.start(settings, "--backfill")) {
                assertThat(second.waitFor()).as(second.output()).isZero();
                assertThat(second.output()).contains("done");
            }

            List<Contact> contacts = harness.sendPulse.contacts();
            Set<String> emails = new HashSet<>();
            contacts.forEach(contact -> emails.add(contact.email()));
            int consenting = CUSTOMERS - CUSTOMERS / 4;
            System.out.printf("BackfillKillTest: killed after %d contacts; %d arrived for %d"
                    + " consenting customers%n", atKill, contacts.size(), consenting);
            assertThat(atKill).isBetween(1, consenting - 1);
            assertThat(emails).hasSize(consenting);
            // A batch that was sent but not yet recorded at the kill may arrive twice.
            assertThat(contacts.size() - emails.size()).isLessThanOrEqualTo(100);
            assertThat(harness.sendPulse.eventCalls()).isZero();
        }
    }
}
