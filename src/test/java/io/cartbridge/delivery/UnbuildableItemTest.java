package io.cartbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ShopActivity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An item whose event cannot be built goes to the error store as failed, once, and the rest
 * of the poll is sent. The damage here is in the service's own copy of a guest cart (a line
 * without its total), the one place a row's content comes back from outside the shop.
 */
class UnbuildableItemTest {

    @Test
    void should_keep_an_unbuildable_cart_in_the_error_store_and_send_the_others() {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            ShopActivity shop = harness.activity;
            guestCart(shop, "guestsession0000000000000000011", "broken@example.test");
            guestCart(shop, "guestsession0000000000000000012", "fine@example.test");
            harness.runOnce();
            assertThat(harness.sendPulse.received()).isEmpty();

            // OpenCart's hourly clean-up removes the lines; an hour passes in the copies.
            shop.deleteGuestCart("guestsession0000000000000000011");
            shop.deleteGuestCart("guestsession0000000000000000012");
            harness.state.run("UPDATE sync_guest_cart SET lines_json = JSON_SET(lines_json,"
                    + " '$[0].total', NULL) WHERE email = 'broken@example.test';\n"
                    + "UPDATE sync_guest_cart SET first_seen = first_seen - INTERVAL 1 HOUR,"
                    + " last_change = last_change - INTERVAL 1 HOUR;\n");
            PollRun carts = harness.run(harness.runOnce(), "abandoned-carts");

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("fine@example.test");
            assertThat(List.of(carts.foundCount(), carts.sentCount(), carts.failedCount()))
                    .containsExactly(2, 1, 1);
            ErrorEntry entry = errors(harness).entries(ErrorEntry.FAILED).get(0);
            assertThat(errors(harness).entries(ErrorEntry.FAILED)).hasSize(1);
            assertThat(entry.key()).startsWith("cart:guest-");
            assertThat(entry.endpoint()).isEqualTo(ErrorStore.UNBUILT);
            assertThat(entry.requestBody()).isEmpty();
            assertThat(entry.errorMessage()).startsWith("Cannot be built from the shop's data:")
                    .contains("NullPointerException");

            // Later polls neither count it again nor add to its entry.
            carts = harness.run(harness.runOnce(), "abandoned-carts");
            assertThat(carts.failedCount()).isZero();
            assertThat(errors(harness).entry(entry.id()).orElseThrow().attempts()).isEqualTo(1);
            assertThat(harness.sendPulse.received()).hasSize(1);

            Replayer replayer = harness.service().context().getRegistry()
                    .lookupByNameAndType("replayer", Replayer.class);
            assertThat(replayer.replay(entry.id())).contains("could not be built")
                    .contains("no request to send again");
            assertThat(harness.sendPulse.received()).hasSize(1);
        }
    }

    private static void guestCart(ShopActivity shop, String session, String email) {
        shop.guestCartLine(session, 40, 1, shop.minutesAgo(20));
        shop.guestSession(session, email, "Gus", "USD");
    }

    private static ErrorStore errors(ServiceHarness harness) {
        return harness.service().context().getRegistry()
                .lookupByNameAndType("errorStore", ErrorStore.class);
    }
}
