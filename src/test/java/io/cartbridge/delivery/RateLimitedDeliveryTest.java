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

    private static final int EVENTS = 1000;

    @Test
    void should_deliver_every_event_exactly_once_within_the_account_limit() {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.with("sendpulse.rate-limit", "10").with("sync.page-size", "10000")
                    .with("sendpulse.retry.max-attempts", "6");
            harness.runOnce();
            harness.activity.bulkPurchases(100000, "buyer", EVENTS);
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
            // Every 429 was one of the stand-in's random ones: the service never went over.
            assertThat(harness.sendPulse.rateLimitRefusals()).isZero();
        }
    }
}
