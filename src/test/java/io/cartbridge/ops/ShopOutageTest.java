package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.ServiceHarness;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

/**
 * A shop table that disappears while the service runs: each poll says so in one line, the
 * run history and the health check show it, and the sale is sent once the table is back.
 */
class ShopOutageTest {

    @Test
    void should_report_a_poll_that_cannot_read_the_shop_and_catch_up_afterwards()
            throws Exception {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            int order = harness.activity.order().contact("late@example.test", "La", "Te", "")
                    .added(harness.activity.minutesAgo(5))
                    .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
            harness.activity.history(order, 2, harness.activity.minutesAgo(5));
            harness.shop.run("RENAME TABLE oc_order_history TO oc_order_history_away;\n");

            List<PollRun> runs = harness.runOnce();

            PollRun purchases = harness.run(runs, "purchases");
            assertThat(purchases.readError()).contains("oc_order_history");
            assertThat(purchases.summary()).startsWith("purchases: could not read the shop:");
            assertThat(harness.sendPulse.received()).isEmpty();
            assertThat(health(harness).getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health(harness).getMessage()).hasValueSatisfying(message ->
                    assertThat(message).contains("could not read the shop"));
            try (Connection connection = harness.state.connect();
                 ResultSet row = connection.createStatement().executeQuery("SELECT error FROM"
                         + " sync_run WHERE detector = 'purchases' ORDER BY run_id DESC LIMIT 1")) {
                row.next();
                assertThat(row.getString(1)).contains("doesn't exist");
            }

            harness.shop.run("RENAME TABLE oc_order_history_away TO oc_order_history;\n");
            runs = harness.runOnce();

            assertThat(harness.run(runs, "purchases").readError()).isNull();
            assertThat(harness.sendPulse.emails("purchase")).containsExactly("late@example.test");
            assertThat(health(harness).getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    private static HealthCheck.Result health(ServiceHarness harness) {
        return harness.service().context().getRegistry()
                .lookupByNameAndType("shopReadsHealth", ServiceHealthCheck.class).call();
    }
}
