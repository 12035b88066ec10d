package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ShopActivity;
import org.junit.jupiter.api.Test;

/** Shop owners judge recovery mail by the sales it brings back. */
class RecoveryFiguresTest {

    @Test
    void should_count_two_of_five_mailed_carts_bought_afterwards_and_their_revenue() {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            ShopActivity shop = harness.activity;
            int[] customers = new int[5];
            for (int i = 0; i < customers.length; i++) {
                customers[i] = shop.customer("shopper" + i + "@example.test", "S" + i, "Hopper",
                        "", true, true);
                shop.cartLine(customers[i], 40, 1, "[]", shop.minutesAgo(120));
            }
            harness.runOnce();
            assertThat(harness.sendPulse.emails("abandoned_cart")).hasSize(5);

            for (int i = 0; i < 2; i++) {
                int order = shop.order().customer(customers[i])
                        .contact("shopper" + i + "@example.test", "S" + i, "Hopper", "")
                        .added(shop.minutesAgo(0))
                        .line(40, "iPhone", "IP-1", 1, "100.0000", "20.0000").create();
                shop.history(order, 1, shop.minutesAgo(0));
            }
            // A buyer who was never mailed is no recovery.
            int stranger = shop.order().contact("stranger@example.test", "St", "Ranger", "")
                    .added(shop.minutesAgo(0))
                    .line(40, "iPhone", "IP-1", 1, "100.0000", "20.0000").create();
            shop.history(stranger, 1, shop.minutesAgo(0));
            harness.runOnce();
            harness.runOnce();

            String[] figures = harness.service().context().getRegistry()
                    .lookupByNameAndType("syncOperations", SyncOperations.class)
                    .getRecoveries();
            assertThat(harness.sendPulse.emails("purchase")).hasSize(3);
            assertThat(figures).containsExactly(
                    "cart events, store 0: 2 recovered, 240.00 USD");
        }
    }
}
