package io.cartbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.testing.ServiceHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a poll does with items that another instance claimed and has not sent: it leaves them
 * to that instance while it checks in, without moving past them, and sends them once the
 * instance is gone.
 */
class OrphanedClaimsTest {

    private static final String OTHER = "00000000-0000-0000-0000-00000000beef";

    @Test
    void should_keep_the_cursor_before_a_purchase_another_instance_holds_and_send_it_later() {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            int held = purchase(harness, "held@example.test");
            purchase(harness, "free@example.test");
            otherInstance(harness, true);
            claimedByOther(harness, "purchase:" + held, "purchase");

            List<PollRun> runs = harness.runOnce();
            assertThat(harness.sendPulse.emails("purchase")).containsExactly("free@example.test");
            assertThat(harness.run(runs, "purchases").skippedByReason())
                    .containsEntry(PollRun.CLAIMED_ELSEWHERE, 1);

            otherInstance(harness, false);
            harness.runOnce();
            assertThat(harness.sendPulse.emails("purchase"))
                    .containsExactly("free@example.test", "held@example.test");
        }
    }

    @Test
    void should_send_a_cart_whose_only_earlier_claim_is_its_own_from_a_gone_instance() {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            int customer = harness.activity.customer("ann@example.test", "Ann", "Lee", "", true,
                    true);
            harness.activity.cartLine(customer, 40, 1, "[]", harness.activity.minutesAgo(90));
            harness.runOnce();
            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("ann@example.test");

            // As a crash leaves it: the claim without an answer, and the poll never finished.
            otherInstance(harness, false);
            harness.state.run("UPDATE sync_ledger SET status = 'claimed', claimed_by = '" + OTHER
                    + "', claimed_at = UTC_TIMESTAMP(3) WHERE kind = 'cart'");
            harness.state.run("DELETE FROM sync_cursor WHERE name = 'abandoned-carts'");
            harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("ann@example.test", "ann@example.test");
        }
    }

    private static int purchase(ServiceHarness harness, String email) {
        int order = harness.activity.order().contact(email, "Pat", "Buyer", "")
                .added(harness.activity.minutesAgo(5))
                .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
        harness.activity.history(order, 2, harness.activity.minutesAgo(5));
        return order;
    }

    /** Another instance on the same service database, checking in or long silent. */
    private static void otherInstance(ServiceHarness harness, boolean alive) {
        String seen = alive ? "UTC_TIMESTAMP(3)" : "UTC_TIMESTAMP(3) - INTERVAL 1 HOUR";
        harness.state.run("INSERT INTO sync_instance (instance_id, host, pid, started_at, seen_at)"
                + " VALUES ('" + OTHER + "', 'elsewhere', 1, UTC_TIMESTAMP(3), " + seen + ")"
                + " ON DUPLICATE KEY UPDATE seen_at = " + seen);
    }

    private static void claimedByOther(ServiceHarness harness, String key, String kind) {
        harness.state.run("INSERT INTO sync_ledger (item_key, kind, status, attempts, claimed_at,"
                + " updated_at, claimed_by) VALUES ('" + key + "', '" + kind + "', 'claimed', 1,"
                + " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), '" + OTHER + "')");
    }
}
