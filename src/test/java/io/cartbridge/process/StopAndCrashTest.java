package io.cartbridge.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cartbridge.testing.SendPulseStandIn.Received;
import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ServiceProcess;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as a separate process, stopped or killed in the middle of a batch and
 * started again, with the stand-in counting what arrived.
 */
class StopAndCrashTest {

    private static final String RARELY = "0 0 3 * * ?";
    private static final int IN_FLIGHT = 4;
    private static final int BATCH = 10_000;

    @Test
    void should_finish_in_flight_deliveries_on_a_graceful_stop_and_send_nothing_twice()
            throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            slowPurchases(harness, "crash", 40);

            try (ServiceProcess service = ServiceProcess.start(scheduled(harness))) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> harness.sendPulse.received().size() >= 5);
                int exit = service.stop();
                int atStop = harness.sendPulse.received().size();
                assertThat(exit).as(service.output()).isNotEqualTo(137);
                assertThat(service.output()).contains("purchases: found 40, sent 40");
                assertThat(atStop).isGreaterThan(5);
            }
            harness.runOnce();

            assertExactlyOnce(harness.sendPulse.received(), 40);
        }
    }

    @Test
    void should_give_back_what_a_stop_cut_short_so_that_the_next_start_sends_it_at_once()
            throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            slowPurchases(harness, "cut", 200);
            Map<String, String> settings = scheduled(harness);
            // Ten seconds of sending, two to finish it: the stop cuts the page short.
            settings.put("camel.main.shutdown-timeout", "2");

            try (ServiceProcess service = ServiceProcess.start(settings)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> harness.sendPulse.eventCalls() >= 5);
                service.stop();
                assertThat(service.output()).containsPattern("Gave back \\d+ claimed item");
            }
            assertThat(harness.sendPulse.received().size()).isLessThan(200);
            // The claims would hold for sync.claim-lease-minutes (10) had they not been given
            // back.
            harness.runOnce();

            List<Received> received = harness.sendPulse.received();
            Set<String> orders = orders(received);
            assertThat(orders).hasSize(200);
            assertThat(received.size() - orders.size()).isLessThanOrEqualTo(IN_FLIGHT);
        }
    }

    @Test
    void should_stop_at_once_during_a_rate_limit_back_off_and_send_the_item_after_a_restart()
            throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            harness.restartService();
            harness.activity.bulkPurchases(300000, "paused", 3);
            harness.sendPulse.failEvents(429, "application/json",
                    "{\"error_code\":2020,\"message\":\"Too many requests\"}");

            try (ServiceProcess service = ServiceProcess.start(scheduled(harness))) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> harness.sendPulse.eventCalls() >= 3);
                long stopping = System.nanoTime();
                service.stop();
                double seconds = (System.nanoTime() - stopping) / 1e9;
                System.out.printf("StopAndCrashTest: stopped in %.1f s during a 429 back-off%n",
                        seconds);
                assertThat(seconds).as(service.output()).isLessThan(20);
                assertThat(service.output()).contains("given back for the next start");
            }
            assertThat(harness.sendPulse.received()).isEmpty();
            harness.sendPulse.heal();
            harness.runOnce();

            assertExactlyOnce(harness.sendPulse.received(), 3);
        }
    }

    @Test
    void should_lose_nothing_when_killed_mid_batch_and_started_again_within_the_lease()
            throws Exception {
        // The default claim lease of ten minutes: the claims of the killed process must be
        // taken over because it stopped checking in, not because they grew old.
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            harness.restartService();
            harness.activity.bulkPurchases(200000, "crash", BATCH);
            Map<String, String> settings = scheduled(harness);
            settings.put("sync.cluster-checkin-ms", "1000");

            int atKill;
            double restart;
            try (ServiceProcess service = ServiceProcess.start(settings)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                        .until(() -> harness.sendPulse.eventCalls() >= BATCH / 4);
                service.kill();
                atKill = harness.sendPulse.received().size();
            }
            long restarted = System.nanoTime();
            try (ServiceProcess again = ServiceProcess.start(settings)) {
                try {
                    await().atMost(Duration.ofSeconds(120)).until(
                            () -> orders(harness.sendPulse.received()).size() >= BATCH);
                } catch (RuntimeException e) {
                    System.err.println(again.output());
                    throw e;
                }
                restart = (System.nanoTime() - restarted) / 1e9;
                again.stop();
            }

            List<Received> received = harness.sendPulse.received();
            Set<String> orders = orders(received);
            System.out.printf("StopAndCrashTest: killed after %d of %d; the restart sent the"
                    + " rest in %.1f s; %d arrived, %d duplicate(s)%n", atKill, BATCH, restart,
                    received.size(), received.size() - orders.size());
            assertThat(atKill).isLessThan(BATCH);
            assertThat(orders).hasSize(BATCH);
            // At most the requests in flight at the kill.
            assertThat(received.size() - orders.size()).isLessThanOrEqualTo(IN_FLIGHT);
        }
    }

    private static Map<String, String> scheduled(ServiceHarness harness) {
        Map<String, String> settings = harness.properties();
        settings.put("sync.once", "false");
        settings.put("sync.schedule.purchases", "0/2 * * * * ?");
        settings.put("sync.schedule.abandoned-carts", RARELY);
        settings.put("sync.schedule.abandoned-checkouts", RARELY);
        settings.put("sync.schedule.housekeeping", RARELY);
        settings.put("sync.page-size", "10000");
        settings.put("sendpulse.concurrent-requests", String.valueOf(IN_FLIGHT));
        return settings;
    }

    /**
     * A shop the service has polled once, then this many new purchases, each of which the
     * stand-in answers after 200 ms.
     */
    private static void slowPurchases(ServiceHarness harness, String emailPrefix, int count) {
        harness.runOnce();
        harness.restartService();
        harness.activity.bulkPurchases(200000, emailPrefix, count);
        harness.sendPulse.delayNextEvents(count, 200);
    }

    private static Set<String> orders(List<Received> received) {
        Set<String> orders = new HashSet<>();
        received.forEach(event -> orders.add(event.body().path("order_id").asText()));
        return orders;
    }

    private static void assertExactlyOnce(List<Received> received, int expected) {
        assertThat(orders(received)).hasSize(expected);
        assertThat(received).hasSize(expected);
    }
}
