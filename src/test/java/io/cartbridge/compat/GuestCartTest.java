package io.cartbridge.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ShopActivity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Guest carts, whose email lives only in OpenCart's session table, on every install. */
class GuestCartTest {

    @ParameterizedTest(name = "OpenCart {0}, MySQL 8 SQL mode: {1}")
    @MethodSource("io.cartbridge.compat.CompatibilityTest#installs")
    void should_mail_an_idle_guest_cart_in_the_guest_currency(String version, boolean mysql8) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version, mysql8)) {
            harness.runOnce();
            ShopActivity shop = harness.activity;
            shop.guestCartLine("guestsession0000000000000000001", 40, 2, shop.minutesAgo(90));
            shop.guestSession("guestsession0000000000000000001", "gwen@example.test", "Gwen",
                    "EUR");

            harness.runOnce();

            JsonNode cart = harness.sendPulse.bodies("abandoned_cart").get(0);
            assertThat(cart.path("email").asText()).isEqualTo("gwen@example.test");
            assertThat(cart.path("customer_name").asText()).isEqualTo("Gwen");
            assertThat(cart.path("currency").asText()).isEqualTo("EUR");
            assertThat(cart.path("cart_total").decimalValue()).isEqualByComparingTo("158.48");
        }
    }

    @ParameterizedTest(name = "F4 on OpenCart {0}, MySQL 8 SQL mode: {1}")
    @MethodSource("io.cartbridge.compat.CompatibilityTest#installs")
    void should_skip_a_guest_cart_without_contact_and_send_it_once_an_email_appears(String version,
            boolean mysql8) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version, mysql8)) {
            harness.runOnce();
            ShopActivity shop = harness.activity;
            shop.guestCartLine("guestsession0000000000000000002", 40, 1, shop.minutesAgo(90));
            shop.guestSession("guestsession0000000000000000002", null, null, "USD");

            List<PollRun> first = harness.runOnce();
            shop.guestSession("guestsession0000000000000000002", "late@example.test", "Lee",
                    "USD");
            harness.runOnce();

            assertThat(harness.run(first, "abandoned-carts").skippedByReason())
                    .isEqualTo(Map.of("no contact", 1));
            assertThat(harness.run(first, "abandoned-carts").failedCount()).isZero();
            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("late@example.test");
        }
    }

    @ParameterizedTest(name = "OpenCart {0}")
    @ValueSource(strings = {"3.0.x.x", "4.1.0.4"})
    void should_mail_a_guest_cart_that_opencart_deleted_before_it_went_idle(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            harness.runOnce();
            ShopActivity shop = harness.activity;
            shop.guestCartLine("guestsession0000000000000000003", 42, 1, shop.minutesAgo(20));
            shop.guestSession("guestsession0000000000000000003", "gone@example.test", "Gil",
                    "USD");
            harness.runOnce();
            assertThat(harness.sendPulse.received()).isEmpty();

            // OpenCart's hourly clean-up removes the lines; an hour passes in the service's copy.
            shop.deleteGuestCart("guestsession0000000000000000003");
            harness.state.run("UPDATE sync_guest_cart SET first_seen = first_seen"
                    + " - INTERVAL 1 HOUR, last_change = last_change - INTERVAL 1 HOUR");
            harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("gone@example.test");
        }
    }
}
