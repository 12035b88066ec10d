package io.cartbridge.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cartbridge.delivery.ErrorEntry;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ShopActivity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole path on the real OpenCart 3.0 install schemas: shop activity inserted as the
 * storefront would write it, one cycle of the service, and exactly the expected events at
 * the SendPulse stand-in.
 */
class OpenCart30EndToEndTest {

    @ParameterizedTest
    @ValueSource(strings = {"3.0.x.x", "3.0.3.8"})
    void should_send_one_event_per_abandoned_cart_checkout_and_purchase(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            harness.runOnce();
            Scenario scenario = Scenario.insert(harness.activity);

            List<PollRun> runs = harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("ann@example.test");
            assertThat(harness.sendPulse.emails("abandoned_checkout"))
                    .containsExactly("guest@example.test");
            assertThat(harness.sendPulse.emails("purchase")).containsExactlyInAnyOrder(
                    "bob@example.test", "cara@example.test", "gina@example.test",
                    "hal@example.test");

            JsonNode cart = harness.sendPulse.bodies("abandoned_cart").get(0);
            assertThat(cart.path("cart_total").decimalValue()).isEqualByComparingTo("303.00");
            assertThat(cart.path("currency").asText()).isEqualTo("USD");
            assertThat(cart.path("products_count").asInt()).isEqualTo(2);
            assertThat(cart.path("cart_url").asText())
                    .isEqualTo(ServiceHarness.STORE_URL + "index.php?route=checkout/cart");
            JsonNode iphone = cart.path("products").get(0);
            assertThat(iphone.path("name").asText()).isEqualTo("iPhone");
            assertThat(iphone.path("quantity").asInt()).isEqualTo(2);
            assertThat(iphone.path("price").decimalValue()).isEqualByComparingTo("101.00");
            assertThat(iphone.path("url").asText()).isEqualTo(ServiceHarness.STORE_URL
                    + "index.php?route=product/product&product_id=40");
            assertThat(iphone.path("img_url").asText())
                    .isEqualTo(ServiceHarness.STORE_URL + "image/catalog/demo/iphone_1.jpg");
            JsonNode cinema = cart.path("products").get(1);
            assertThat(cinema.path("name").asText()).isEqualTo("Apple Cinema 30\"");
            assertThat(cinema.path("price").decimalValue()).isEqualByComparingTo("101.00");
            assertThat(cinema.path("options").asText()).isEqualTo("Select: Green; Radio: Small");

            JsonNode checkout = harness.sendPulse.bodies("abandoned_checkout").get(0);
            assertThat(checkout.path("order_id").asInt()).isEqualTo(scenario.newestCheckout);
            assertThat(checkout.path("cart_total").decimalValue()).isEqualByComparingTo("120.00");

            JsonNode euro = harness.sendPulse.bodies("purchase").stream()
                    .filter(body -> body.path("email").asText().equals("hal@example.test"))
                    .findFirst().orElseThrow();
            assertThat(euro.path("currency").asText()).isEqualTo("EUR");
            assertThat(euro.path("order_total").decimalValue()).isEqualByComparingTo("93.60");
            assertThat(euro.path("order_status").asText()).isEqualTo("Pending");
            assertThat(euro.path("products").get(0).path("price").decimalValue())
                    .isEqualByComparingTo("78.00");
            assertThat(euro.path("event_time").asText()).endsWith("Z");

            assertThat(harness.run(runs, "abandoned-carts").skippedByReason()).isEqualTo(Map.of(
                    "already bought", 2, "customer disabled", 1));
            assertThat(harness.run(runs, "abandoned-checkouts").skippedByReason()).isEqualTo(
                    Map.of("newer checkout", 2, "already bought", 1));
            assertThat(runs).allSatisfy(run -> assertThat(run.failedCount()).isZero());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.x.x"})
    void should_send_nothing_new_when_the_sync_runs_again(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            harness.runOnce();
            Scenario.insert(harness.activity);
            harness.runOnce();
            int calls = harness.sendPulse.eventCalls();

            List<PollRun> again = harness.runOnce();

            assertThat(harness.sendPulse.eventCalls()).isEqualTo(calls);
            assertThat(again).allSatisfy(run -> assertThat(run.foundCount()).isZero());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.x.x"})
    void should_keep_items_in_the_error_store_when_sendpulse_answers_503(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            harness.with("sendpulse.retry.max-attempts", "3");
            harness.runOnce();
            Scenario.insert(harness.activity);
            harness.sendPulse.failEvents(503, "text/html",
                    "<html><body><h1>503 Service Unavailable</h1></body></html>");

            List<PollRun> runs = harness.runOnce();

            assertThat(harness.sendPulse.received()).isEmpty();
            assertThat(harness.sendPulse.eventCalls()).isEqualTo(6 * 3);
            assertThat(runs.stream().mapToInt(PollRun::failedCount).sum()).isEqualTo(6);
            ErrorStore errors = harness.service().context().getRegistry()
                    .lookupByNameAndType("errorStore", ErrorStore.class);
            List<ErrorEntry> entries = errors.entries(ErrorEntry.FAILED);
            assertThat(entries).hasSize(6).allSatisfy(entry -> {
                assertThat(entry.httpStatus()).isEqualTo(503);
                assertThat(entry.attempts()).isEqualTo(3);
                assertThat(entry.requestBody()).contains("\"email\"");
                assertThat(entry.responseExcerpt()).contains("503 Service Unavailable");
            });
            assertThat(io.cartbridge.SyncService.summary(runs))
                    .contains("failed 1").contains("6 item(s) failed");
        }
    }

    /** The shop activity of the scenario, written once for every fixture. */
    static final class Scenario {
        int newestCheckout;

        static Scenario insert(ShopActivity shop) {
            Scenario scenario = new Scenario();
            // Ann: two lines, idle for 90 minutes: abandoned.
            int ann = shop.customer("ann@example.test", "Ann", "Able", "+44 20 7946 0000", true,
                    true);
            shop.cartLine(ann, 40, 2, "[]", shop.minutesAgo(120));
            shop.cartLine(ann, 42, 1, "{\"217\":\"1\",\"218\":\"5\"}", shop.minutesAgo(90));
            // Bob: his cart was followed by a Processing order (F2).
            int bob = shop.customer("bob@example.test", "Bob", "Baker", "", true, true);
            shop.cartLine(bob, 40, 1, "[]", shop.minutesAgo(200));
            int bobOrder = shop.order().customer(bob)
                    .contact("bob@example.test", "Bob", "Baker", "").added(shop.minutesAgo(150))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "20.2000").create();
            shop.history(bobOrder, 2, shop.minutesAgo(150));
            // Cara: cash on delivery left Pending; the cart was never cleared (F3).
            int cara = shop.customer("cara@example.test", "Cara", "Cole", "", true, true);
            shop.cartLine(cara, 42, 1, "[]", shop.minutesAgo(300));
            int caraOrder = shop.order().customer(cara)
                    .contact("cara@example.test", "Cara", "Cole", "").added(shop.minutesAgo(280))
                    .line(42, "Apple Cinema 30&quot;", "Product 15", 1, "90.0000", "0").create();
            shop.history(caraOrder, 1, shop.minutesAgo(280));
            // Dan: idle for 20 minutes only.
            int dan = shop.customer("dan@example.test", "Dan", "Dent", "", true, true);
            shop.cartLine(dan, 40, 1, "[]", shop.minutesAgo(20));
            // Eve: a disabled account.
            int eve = shop.customer("eve@example.test", "Eve", "Eton", "", true, false);
            shop.cartLine(eve, 40, 1, "[]", shop.minutesAgo(120));
            // Finn: a cart from ten days ago, past sync.max-age-days.
            int finn = shop.customer("finn@example.test", "Finn", "Fox", "", true, true);
            shop.cartLine(finn, 40, 1, "[]", shop.minutesAgo(60 * 24 * 10));
            // A guest visits the confirm step three times (F7).
            for (int visit = 0; visit < 3; visit++) {
                scenario.newestCheckout = shop.order()
                        .contact("guest@example.test", "Gus", "Guest", "")
                        .added(shop.minutesAgo(130 - visit * 5))
                        .line(40, "iPhone", "product 11", 1, "100.0000", "20.0000").create();
            }
            // Gina left a checkout, then ordered for real with the same email.
            shop.order().contact("gina@example.test", "Gina", "Gale", "")
                    .added(shop.minutesAgo(240))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            int ginaOrder = shop.order().contact("gina@example.test", "Gina", "Gale", "")
                    .added(shop.minutesAgo(200))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(ginaOrder, 2, shop.minutesAgo(200));
            // Hal pays in euros; the order moves Pending, Complete, Shipped: one purchase.
            int halOrder = shop.order().contact("hal@example.test", "Hal", "Hart", "")
                    .currency("EUR", "0.78000000").added(shop.minutesAgo(50))
                    .line(40, "iPhone", "product 11", 1, "100.0000", "20.0000").create();
            shop.history(halOrder, 1, shop.minutesAgo(50));
            shop.history(halOrder, 5, shop.minutesAgo(40));
            shop.history(halOrder, 3, shop.minutesAgo(30));
            // A canceled order is no purchase.
            int canceled = shop.order().contact("ivy@example.test", "Ivy", "Ives", "")
                    .added(shop.minutesAgo(45))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(canceled, 7, shop.minutesAgo(44));
            return scenario;
        }
    }
}
