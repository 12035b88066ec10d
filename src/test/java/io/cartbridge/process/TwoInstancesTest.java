package io.cartbridge.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cartbridge.testing.SendPulseStandIn.Received;
import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ServiceProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two service processes on one service database and one stand-in: one fires each poll, every
 * item is sent once, and when one dies the other goes on.
 */
class TwoInstancesTest {

    private static final String RARELY = "0 0 3 * * ?";

    @Test
    void should_send_every_item_once_and_survive_the_death_of_either_instance()
            throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            harness.restartService();
            Map<String, String> settings = harness.properties();
            settings.put("sync.once", "false");
            settings.put("sync.cluster", "true");
            settings.put("sync.cluster-checkin-ms", "2000");
            settings.put("sync.schedule.purchases", "0/2 * * * * ?");
            settings.put("sync.schedule.abandoned-carts", RARELY);
            settings.put("sync.schedule.abandoned-checkouts", RARELY);
            settings.put("sync.schedule.housekeeping", RARELY);

            try (ServiceProcess first = ServiceProcess.start(settings);
                 ServiceProcess second = ServiceProcess.start(settings)) {
                insertPurchases(harness, 1, 30);
                try {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> harness.sendPulse.received().size() >= 30);
                } catch (RuntimeException e) {
                    System.err.println("First instance:\n" + first.output()
                            + "\nSecond instance:\n" + second.output());
                    throw e;
                }
                long runsBefore = purchaseRuns(harness);
                Thread.sleep(10_000);
                long runsIn10Seconds = purchaseRuns(harness) - runsBefore;

                first.kill();
                insertPurchases(harness, 31, 20);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> harness.sendPulse.received().size() >= 50);
                second.kill();
                insertPurchases(harness, 51, 10);
                try (ServiceProcess third = ServiceProcess.start(settings)) {
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> harness.sendPulse.received().size() >= 60);
                }

                System.out.printf("TwoInstancesTest: %d purchase polls in 10 s with two"
                        + " instances on a 2 s schedule%n", runsIn10Seconds);
                // One instance fires each trigger: about five polls, not ten.
                assertThat(runsIn10Seconds).isBetween(3L, 7L);
            }
            List<Received> received = harness.sendPulse.received();
            Set<String> orders = new HashSet<>();
            received.forEach(event -> orders.add(event.body().path("order_id").asText()));
            assertThat(orders).hasSize(60);
            assertThat(received).hasSize(60);
        }
    }

    private static long purchaseRuns(ServiceHarness harness) throws Exception {
        try (Connection connection = harness.state.connect();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM sync_run WHERE detector = 'purchases'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void insertPurchases(ServiceHarness harness, int first, int count) {
        for (int i = first; i < first + count; i++) {
            int order = harness.activity.order()
                    .contact("twin" + i + "@example.test", "Tw", "In", "")
                    .added(harness.activity.minutesAgo(1))
                    .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
            harness.activity.history(order, 2, harness.activity.minutesAgo(1));
        }
    }
}
