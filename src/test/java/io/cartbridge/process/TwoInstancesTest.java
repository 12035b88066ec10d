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
 * item is sent once, and when the one that is sending dies in the middle of a page, the other
 * takes over its triggers and its claims after the check-in interval.
 */
class TwoInstancesTest {

    private static final String RARELY = "0 0 3 * * ?";
    private static final int CHECKIN_MS = 2000;
    private static final int IN_FLIGHT = 4;
    private static final int SLOW_PAGE = 200;

    @Test
    void should_send_every_item_once_and_survive_the_death_of_either_instance()
            throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            harness.restartService();
            Map<String, String> settings = harness.properties();
            settings.put("sync.once", "false");
            settings.put("sync.cluster", "true");
            settings.put("sync.cluster-checkin-ms", String.valueOf(CHECKIN_MS));
            settings.put("sync.schedule.purchases", "0/2 * * * * ?");
            settings.put("sync.schedule.abandoned-carts", RARELY);
            settings.put("sync.schedule.abandoned-checkouts", RARELY);
            settings.put("sync.schedule.housekeeping", RARELY);
            settings.put("sendpulse.concurrent-requests", String.valueOf(IN_FLIGHT));

            ServiceProcess first = ServiceProcess.start(settings);
            ServiceProcess second = ServiceProcess.start(settings);
            try {
                insertPurchases(harness, 1, 30);
                awaitArrivals(harness, 30, Duration.ofSeconds(30), first, second);
                long runsBefore = purchaseRuns(harness);
                Thread.sleep(10_000);
                long runsIn10Seconds = purchaseRuns(harness) - runsBefore;
                System.out.printf("TwoInstancesTest: %d purchase polls in 10 s with two"
                        + " instances on a 2 s schedule%n", runsIn10Seconds);
                // One instance fires each trigger: about five polls, not ten.
                assertThat(runsIn10Seconds).isBetween(3L, 7L);

                // A page of 200 answers of 100 ms each, four at a time: five seconds of sending.
                harness.sendPulse.delayNextEvents(SLOW_PAGE, 100);
                harness.activity.bulkPurchases(1000, "slow", SLOW_PAGE);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> harness.sendPulse.eventCalls() >= 30 + SLOW_PAGE / 4);
                long sender = claimHolder(harness);
                ServiceProcess sending = sender == first.pid() ? first : second;
                ServiceProcess other = sending == first ? second : first;
                assertThat(sender).as("the instance holding the page's claims")
                        .isIn(first.pid(), second.pid());
                long killedAt = System.nanoTime();
                sending.kill();
                int atKill = harness.sendPulse.received().size();
                awaitArrivals(harness, 30 + SLOW_PAGE, Duration.ofSeconds(60), other);
                double takeover = (System.nanoTime() - killedAt) / 1e9;
                System.out.printf("TwoInstancesTest: the sending instance was killed after %d"
                        + " of %d; the other sent the rest within %.1f s%n", atKill - 30,
                        SLOW_PAGE, takeover);
                assertThat(atKill - 30).isLessThan(SLOW_PAGE);
                // Quartz notices the death after the check-in interval and 7.5 s of grace; the
                // claims are free after two missed check-ins; then one schedule and the rest
                // of the page.
                assertThat(takeover).isLessThan(30);

                // Once the other has recorded what it sent: a kill while its last answers are
                // on their way would repeat those, which is the first kill's case again.
                await().atMost(Duration.ofSeconds(30)).until(() -> claimed(harness) == 0);
                other.kill();
                insertPurchases(harness, 5001, 10);
                try (ServiceProcess third = ServiceProcess.start(settings)) {
                    awaitArrivals(harness, 30 + SLOW_PAGE + 10, Duration.ofSeconds(60), third);
                }
            } finally {
                first.close();
                second.close();
            }
            List<Received> received = harness.sendPulse.received();
            Set<String> orders = new HashSet<>();
            received.forEach(event -> orders.add(event.body().path("order_id").asText()));
            System.out.printf("TwoInstancesTest: %d orders, %d arrived, %d duplicate(s)%n",
                    orders.size(), received.size(), received.size() - orders.size());
            assertThat(orders).hasSize(30 + SLOW_PAGE + 10);
            // At most the requests that were in flight when the sending instance died.
            assertThat(received.size() - orders.size()).isLessThanOrEqualTo(IN_FLIGHT);
        }
    }

    private static void awaitArrivals(ServiceHarness harness, int orders, Duration within,
                                      ServiceProcess... processes) {
        try {
            await().atMost(within).until(() -> harness.sendPulse.received().stream()
                    .map(event -> event.body().path("order_id").asText()).distinct()
                    .count() >= orders);
        } catch (RuntimeException e) {
            for (ServiceProcess process : processes) {
                System.err.println("Instance " + process.pid() + ":\n" + process.output());
            }
            throw e;
        }
    }

    /** The process id of the instance that holds claims not yet sent. */
    private static long claimHolder(ServiceHarness harness) throws Exception {
        try (Connection connection = harness.state.connect();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT i.pid FROM sync_ledger l JOIN sync_instance i"
                             + " ON i.instance_id = l.claimed_by WHERE l.status = 'claimed'"
                             + " LIMIT 1")) {
            return row.next() ? row.getLong(1) : -1;
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

    private static long claimed(ServiceHarness harness) throws java.sql.SQLException {
        try (java.sql.Connection connection = harness.state.connect();
             java.sql.ResultSet row = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM sync_ledger WHERE status = 'claimed'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
