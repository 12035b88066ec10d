package io.cartbridge.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cartbridge.delivery.ErrorEntry;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ShopActivity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole path on the real OpenCart installs (3.0.3.8, 3.0.x.x, 4.0.2.3, 4.1.0.4): one
 * scenario of shop activity, written once and inserted in each version's own column shapes,
 * one cycle of the service, and exactly the expected events at the SendPulse stand-in. The
 * service's queries run under MariaDB's default SQL mode and under MySQL 8's stricter one.
 */
class CompatibilityTest {

    static Stream<Arguments> installs() {
        return Stream.of("3.0.3.8", "3.0.x.x", "4.0.2.3", "4.1.0.4").flatMap(version ->
                Stream.of(Arguments.of(version, false), Arguments.of(version, true)));
    }

    @ParameterizedTest(name = "F2 F3 F5 F7-F14 on OpenCart {0}, MySQL 8 SQL mode: {1}")
    @MethodSource("installs")
    void should_send_exactly_the_expected_events(String version, boolean mysql8) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version, mysql8)) {
            // F5: a sale recorded before the first start is history, not news.
            int old = harness.activity.order()
                    .contact("old@example.test", "Olga", "Old", "")
                    .added(harness.activity.minutesAgo(60 * 24 * 3))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            harness.activity.history(old, 5, harness.activity.minutesAgo(60 * 24 * 3));
            harness.runOnce();
            assertThat(sqlMode(harness)).contains(mysql8 ? "ONLY_FULL_GROUP_BY" : "");
            Scenario scenario = Scenario.insert(harness.activity);
            boolean v3 = version.startsWith("3.");
            String language = v3 ? "" : "&language=en-gb";

            List<PollRun> runs = harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactlyInAnyOrder("ann@example.test", "lena@example.test");
            assertThat(harness.sendPulse.emails("abandoned_checkout"))
                    .containsExactly("guest@example.test");
            assertThat(harness.sendPulse.emails("purchase")).containsExactlyInAnyOrder(
                    "bob@example.test", "cara@example.test", "gina@example.test",
                    "hal@example.test", "anna@example.test", "del@example.test");

            JsonNode cart = body(harness, "abandoned_cart", "ann@example.test");
            assertThat(cart.path("store_name").asText()).isEqualTo("Tom & Jerry");
            assertThat(cart.path("customer_name").asText()).isEqualTo("Ann");
            assertThat(cart.path("cart_total").decimalValue()).isEqualByComparingTo("303.00");
            assertThat(cart.path("currency").asText()).isEqualTo("USD");
            assertThat(cart.path("products_count").asInt()).isEqualTo(2);
            assertThat(cart.path("cart_url").asText()).isEqualTo(
                    ServiceHarness.STORE_URL + "index.php?route=checkout/cart" + language);
            assertThat(cart.path("phone").asText()).isEqualTo("+442079460000");
            JsonNode iphone = product(cart, 40);
            assertThat(iphone.path("name").asText()).isEqualTo("iPhone");
            assertThat(iphone.path("quantity").asInt()).isEqualTo(2);
            assertThat(iphone.path("price").decimalValue()).isEqualByComparingTo("101.00");
            // F12: SEO keyword with SEO URLs on; the original image, spaces encoded.
            assertThat(iphone.path("url").asText()).isEqualTo(ServiceHarness.STORE_URL
                    + (v3 ? "iphone" : "en-gb/product/iphone"));
            assertThat(iphone.path("img_url").asText()).isEqualTo(
                    ServiceHarness.STORE_URL + "image/catalog/demo/iphone%201.jpg");
            // F10: stored as Apple Cinema 30&quot;, sent decoded once.
            JsonNode cinema = product(cart, 42);
            assertThat(cinema.path("name").asText()).isEqualTo("Apple Cinema 30\"");
            assertThat(cinema.path("price").decimalValue()).isEqualByComparingTo("101.00");
            assertThat(cinema.path("options").asText()).isEqualTo("Select: Green; Radio: Small");
            assertThat(cinema.path("url").asText()).isEqualTo(ServiceHarness.STORE_URL
                    + (v3 ? "test" : "en-gb/product/apple-cinema"));
            JsonNode plain = product(body(harness, "purchase", "hal@example.test"), 40);
            assertThat(plain.path("url").asText()).isEqualTo(ServiceHarness.STORE_URL
                    + (v3 ? "iphone" : "en-gb/product/iphone"));

            // F14: four hundred lines, twenty listed, the totals true.
            JsonNode big = body(harness, "abandoned_cart", "lena@example.test");
            assertThat(big.path("products")).hasSize(20);
            assertThat(big.path("products_count").asInt()).isEqualTo(400);
            assertThat(big.path("cart_total").decimalValue()).isEqualByComparingTo("40400.00");

            // F7: three visits of the confirm step, one event for the newest.
            JsonNode checkout = harness.sendPulse.bodies("abandoned_checkout").get(0);
            assertThat(checkout.path("order_id").asInt()).isEqualTo(scenario.newestCheckout);
            assertThat(checkout.path("cart_total").decimalValue()).isEqualByComparingTo("120.00");

            // F11: every amount in the order's currency, with its own rate.
            JsonNode euro = body(harness, "purchase", "hal@example.test");
            assertThat(euro.path("currency").asText()).isEqualTo("EUR");
            assertThat(euro.path("order_total").decimalValue()).isEqualByComparingTo("93.60");
            assertThat(euro.path("order_status").asText()).isEqualTo("Pending");
            assertThat(euro.path("products").get(0).path("price").decimalValue())
                    .isEqualByComparingTo("78.00");
            assertThat(euro.path("event_time").asText()).endsWith("Z");

            // F9: names and products in any script arrive intact.
            JsonNode anna = body(harness, "purchase", "anna@example.test");
            // 3.0.3.x tables are utf8 with three bytes a character: the shop itself stores
            // the emoji as '?'; the service sends what the shop holds.
            assertThat(anna.path("customer_name").asText())
                    .isEqualTo(version.equals("3.0.3.8") ? "Anna ?" : "Anna 🎉");
            assertThat(anna.path("last_name").asText()).isEqualTo("Zürich");
            assertThat(anna.path("products").get(0).path("name").asText())
                    .isEqualTo("Чай зелёный");

            // F13: a product deleted since the order still reads from the order's snapshot.
            JsonNode deleted = body(harness, "purchase", "del@example.test");
            assertThat(deleted.path("products").get(0).path("name").asText())
                    .isEqualTo("Discontinued Lamp");
            assertThat(deleted.path("products").get(0).has("url")).isFalse();

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
            assertThat(harness.sendPulse.eventCalls()).isEqualTo(9 * 3);
            assertThat(runs.stream().mapToInt(PollRun::failedCount).sum()).isEqualTo(9);
            ErrorStore errors = harness.service().context().getRegistry()
                    .lookupByNameAndType("errorStore", ErrorStore.class);
            List<ErrorEntry> entries = errors.entries(ErrorEntry.FAILED);
            assertThat(entries).hasSize(9).allSatisfy(entry -> {
                assertThat(entry.httpStatus()).isEqualTo(503);
                assertThat(entry.attempts()).isEqualTo(3);
                assertThat(entry.requestBody()).contains("\"email\"");
                assertThat(entry.responseExcerpt()).contains("503 Service Unavailable");
            });
            assertThat(io.cartbridge.SyncService.summary(runs))
                    .contains("failed 1").contains("9 item(s) failed");
        }
    }

    @ParameterizedTest(name = "the checkout floor on OpenCart {0}")
    @ValueSource(strings = {"3.0.x.x", "4.1.0.4"})
    void should_find_a_checkout_that_was_too_fresh_at_the_previous_poll(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            harness.runOnce();
            for (int i = 0; i < 80; i++) {
                int sold = harness.activity.order().contact("buyer" + i + "@example.test", "B",
                        "Uyer", "").added(harness.activity.minutesAgo(300))
                        .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
                harness.activity.history(sold, 5, harness.activity.minutesAgo(300));
            }
            int fresh = harness.activity.order().contact("late@example.test", "La", "Te", "")
                    .added(harness.activity.minutesAgo(20))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            harness.runOnce();
            for (int i = 0; i < 80; i++) {
                harness.activity.order().contact("later" + i + "@example.test", "L", "Ater", "")
                        .added(harness.activity.minutesAgo(1))
                        .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            }
            harness.runOnce();
            assertThat(harness.sendPulse.emails("abandoned_checkout")).isEmpty();

            harness.shop.run("UPDATE oc_order SET date_added = date_added - INTERVAL 2 HOUR"
                    + " WHERE order_id = " + fresh);
            harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_checkout"))
                    .containsExactly("late@example.test");
        }
    }

    @ParameterizedTest(name = "a second store on OpenCart {0}")
    @ValueSource(strings = {"3.0.x.x", "4.0.2.3", "4.1.0.4"})
    void should_link_each_store_to_its_own_url(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            harness.shop.run("INSERT INTO oc_store (store_id, name, url) VALUES"
                    + " (1, 'Outlet &amp; Co', 'https://outlet.example.test/')");
            harness.runOnce();
            int order = harness.activity.order().store(1, "https://outlet.example.test/")
                    .contact("outlet@example.test", "Otto", "Let", "")
                    .added(harness.activity.minutesAgo(5))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            harness.activity.history(order, 2, harness.activity.minutesAgo(5));

            harness.runOnce();

            JsonNode purchase = body(harness, "purchase", "outlet@example.test");
            assertThat(purchase.path("store_name").asText()).isEqualTo("Outlet & Co");
            assertThat(purchase.path("store_url").asText())
                    .isEqualTo("https://outlet.example.test/");
            assertThat(purchase.path("products").get(0).path("img_url").asText())
                    .startsWith("https://outlet.example.test/image/");
        }
    }

    private static String sqlMode(ServiceHarness harness) {
        try (Connection connection = harness.service().context().getRegistry()
                .lookupByNameAndType("shopDataSource", DataSource.class).getConnection();
             ResultSet row = connection.createStatement()
                     .executeQuery("SELECT @@SESSION.sql_mode")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(ServiceHarness harness, String event, String email) {
        return harness.sendPulse.bodies(event).stream()
                .filter(body -> body.path("email").asText().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " for " + email));
    }

    private static JsonNode product(JsonNode event, int productId) {
        for (JsonNode product : event.path("products")) {
            if (product.path("id").asInt() == productId) {
                return product;
            }
        }
        throw new AssertionError("no product " + productId + " in " + event);
    }

    /** The shop activity of the scenario, written once for every fixture. */
    static final class Scenario {
        int newestCheckout;

        static Scenario insert(ShopActivity shop) {
            Scenario scenario = new Scenario();
            shop.setting(0, "config_name", "Tom &amp; Jerry", false);
            shop.special(42, "90.0000");
            shop.seoKeyword(40, "iphone");
            shop.productImage(40, "catalog/demo/iphone 1.jpg");
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
            // F8: Voided and Failed are never sales.
            int voided = shop.order().contact("vic@example.test", "Vic", "Void", "")
                    .added(shop.minutesAgo(44))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(voided, 16, shop.minutesAgo(43));
            shop.history(voided, 10, shop.minutesAgo(42));
            // F9: a customer and a product name outside ASCII.
            int anna = shop.order().contact("anna@example.test", "Anna 🎉", "Zürich", "")
                    .added(shop.minutesAgo(35))
                    .line(40, "Чай зелёный", "TEA-1", 2, "4.5000", "0").create();
            shop.history(anna, 2, shop.minutesAgo(35));
            // F13: the product of this order was deleted from the catalogue afterwards.
            int lamp = shop.order().contact("del@example.test", "Del", "Dell", "")
                    .added(shop.minutesAgo(33))
                    .line(41, "Discontinued Lamp", "LAMP-1", 1, "20.0000", "0").create();
            shop.history(lamp, 2, shop.minutesAgo(33));
            shop.deleteProduct(41);
            // F14: a cart of four hundred lines.
            int lena = shop.customer("lena@example.test", "Lena", "Long", "", true, true);
            for (int line = 0; line < 400; line++) {
                shop.cartLine(lena, 40, 1, "{\"9" + line + "\":\"x\"}", shop.minutesAgo(100));
            }
            return scenario;
        }
    }
}
