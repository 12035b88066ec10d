package io.cartbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.testing.SendPulseStandIn.Received;
import io.cartbridge.testing.ServiceHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two thousand purchases at once against a stand-in that allows 10 requests per second and
 * answers 429 and 503 at random: every event arrives exactly once, nothing lands in the error
 * store, and the pace stays near the ceiling. Takes about four minutes.
 */
class RateLimitedDeliveryTest {

    private static final int EVENTS = 2000;

    @Test
    void should_deliver_every_event_exactly_once_within_the_account_limit() {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.with("sendpulse.rate-limit", "10").with("sync.page-size", "10000")
                    .with("sendpulse.retry.max-attempts", "6");
            harness.runOnce();
            harness.shop.run(bulkPurchases(EVENTS));
            harness.sendPulse.rateLimit(10).randomFaults(0.02, 0.02);

            Instant start = Instant.now();
            harness.runOnce();
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

            List<Received> received = harness.sendPulse.received();
            Set<String> orders = new HashSet<>();
            received.forEach(event -> orders.add(event.body().path("order_id").asText()));
            double accepted = received.size() / seconds;
            double calls = harness.sendPulse.eventCalls() / seconds;
            System.out.printf("RateLimitedDeliveryTest: %d events in %.1f s: %.2f accepted/s,"
                    + " %.2f calls/s, %d calls%n", received.size(), seconds, accepted, calls,
                    harness.sendPulse.eventCalls());

            assertThat(received).hasSize(EVENTS);
            assertThat(orders).hasSize(EVENTS);
            assertThat(harness.service().context().getRegistry()
                    .lookupByNameAndType("errorStore", ErrorStore.class)
                    .count(ErrorEntry.FAILED)).isZero();
            assertThat(calls).isBetween(8.0, 10.5);
        }
    }

    /** Orders with one line and a Processing history row each, written in a few statements. */
    private static String bulkPurchases(int count) {
        String numbers = "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                + " WHERE i < " + count + ") ";
        return "SET SESSION max_recursive_iterations = " + (count + 1) + ";\n"
                + "INSERT INTO oc_order (order_id, store_id, customer_id, firstname, lastname,"
                + " email, total, order_status_id, language_id, currency_code, currency_value,"
                + " date_added, date_modified) " + numbers + "SELECT 100000 + i, 0, 0, 'Pat',"
                + " 'Buyer', CONCAT('buyer', i, '@example.test'), 101, 2, 1, 'USD', 1,"
                + " UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM n;\n"
                + "INSERT INTO oc_order_product (order_id, product_id, name, model, quantity,"
                + " price, total, tax) " + numbers + "SELECT 100000 + i, 40, 'iPhone', 'IP-1',"
                + " 1, 101, 101, 0 FROM n;\n"
                + "INSERT INTO oc_order_history (order_id, order_status_id, notify, comment,"
                + " date_added) " + numbers
                + "SELECT 100000 + i, 2, 0, '', UTC_TIMESTAMP() FROM n;\n";
    }
}
