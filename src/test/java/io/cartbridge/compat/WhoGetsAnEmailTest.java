package io.cartbridge.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ShopActivity;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Episodes and cool-down, consent, and the store's time zone, on every OpenCart install.
 */
class WhoGetsAnEmailTest {

    @ParameterizedTest(name = "F1 on OpenCart {0}, MySQL 8 SQL mode: {1}")
    @MethodSource("io.cartbridge.compat.CompatibilityTest#installs")
    void should_send_one_cart_event_per_episode_and_respect_the_cool_down(String version,
            boolean mysql8) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version, mysql8)) {
            harness.runOnce();
            ShopActivity shop = harness.activity;
            int fay = shop.customer("fay@example.test", "Fay", "Fisher", "", true, true);
            shop.cartLine(fay, 40, 1, "[]", shop.minutesAgo(90));
            harness.runOnce();

            // She comes back and leaves the same cart again: the same episode.
            shop.visit(fay, shop.minutesAgo(70));
            harness.runOnce();
            assertThat(harness.sendPulse.emails("abandoned_cart")).hasSize(1);
            // She changes the cart and leaves again, within the cool-down.
            shop.cartLine(fay, 42, 1, "[]", shop.minutesAgo(65));
            List<PollRun> runs = harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("fay@example.test");
            assertThat(harness.run(runs, "abandoned-carts").skippedByReason())
                    .isEqualTo(Map.of("cool-down", 1));
        }
    }

    @ParameterizedTest(name = "F1 a held cart once the cool-down ends, OpenCart {0}")
    @ValueSource(strings = {"3.0.x.x", "4.1.0.4"})
    void should_send_a_cart_held_back_by_the_cool_down_once_it_has_passed(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            leaveACartThenChangeIt(harness);
            harness.runOnce();
            assertThat(harness.sendPulse.emails("abandoned_cart")).hasSize(1);

            // A day later, nothing in the cart has changed, but the cool-down is over.
            harness.state.run("UPDATE sync_ledger SET updated_at = updated_at - INTERVAL 25 HOUR"
                    + " WHERE status = 'sent';");
            harness.runOnce();

            assertSecondEpisodeSent(harness);
        }
    }

    @ParameterizedTest(name = "F1 after the cool-down on OpenCart {0}")
    @ValueSource(strings = {"3.0.x.x", "4.1.0.4"})
    void should_send_a_changed_cart_as_a_new_episode_once_there_is_no_cool_down(String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)
                .with("sync.cooldown-hours", "0")) {
            leaveACartThenChangeIt(harness);

            harness.runOnce();

            assertSecondEpisodeSent(harness);
        }
    }

    /** Fay leaves a cart, which is mailed, then adds a line and leaves it again. */
    private static void leaveACartThenChangeIt(ServiceHarness harness) {
        harness.runOnce();
        ShopActivity shop = harness.activity;
        int fay = shop.customer("fay@example.test", "Fay", "Fisher", "", true, true);
        shop.cartLine(fay, 40, 1, "[]", shop.minutesAgo(90));
        harness.runOnce();
        shop.cartLine(fay, 42, 1, "[]", shop.minutesAgo(65));
    }

    private static void assertSecondEpisodeSent(ServiceHarness harness) {
        assertThat(harness.sendPulse.emails("abandoned_cart"))
                .containsExactly("fay@example.test", "fay@example.test");
        assertThat(harness.sendPulse.bodies("abandoned_cart").get(1).path("products_count")
                .asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "F8 with only Shipped and Complete as sales, OpenCart {0}")
    @ValueSource(strings = {"3.0.x.x", "4.1.0.4"})
    void should_count_only_the_configured_sale_statuses_and_still_spare_shoppers_who_ordered(
            String version) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version)) {
            ShopActivity shop = harness.activity;
            shop.setting(0, "config_processing_status", "[\"3\"]", true);
            shop.setting(0, "config_complete_status", "[\"5\"]", true);
            harness.runOnce();
            int bea = shop.customer("bea@example.test", "Bea", "Buyer", "", true, true);
            shop.cartLine(bea, 40, 1, "[]", shop.minutesAgo(200));
            int order = shop.order().customer(bea).contact("bea@example.test", "Bea", "Buyer", "")
                    .added(shop.minutesAgo(150))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(order, 1, shop.minutesAgo(150));
            shop.history(order, 2, shop.minutesAgo(120));
            shop.history(order, 5, shop.minutesAgo(60));
            shop.history(order, 3, shop.minutesAgo(30));
            // Pat ordered too; the order is only Processing, which is no sale in this store,
            // yet she finished the checkout and must not get a recovery email.
            int pat = shop.customer("pat@example.test", "Pat", "Pending", "", true, true);
            shop.cartLine(pat, 40, 1, "[]", shop.minutesAgo(200));
            int waiting = shop.order().customer(pat).contact("pat@example.test", "Pat", "P", "")
                    .added(shop.minutesAgo(150))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(waiting, 2, shop.minutesAgo(150));

            harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart")).isEmpty();
            assertThat(harness.sendPulse.bodies("purchase")).singleElement().satisfies(body ->
                    assertThat(body.path("order_status").asText()).isEqualTo("Complete"));
        }
    }

    @ParameterizedTest(name = "F6 on OpenCart {0}, MySQL 8 SQL mode: {1}")
    @MethodSource("io.cartbridge.compat.CompatibilityTest#installs")
    void should_send_recovery_events_only_with_consent_when_it_is_required(String version,
            boolean mysql8) {
        try (ServiceHarness harness = ServiceHarness.onFixture(version, mysql8)) {
            harness.with("sync.require-consent", "true").runOnce();
            ShopActivity shop = harness.activity;
            int yes = shop.customer("yes@example.test", "Yara", "Yes", "", true, true);
            shop.cartLine(yes, 40, 1, "[]", shop.minutesAgo(90));
            int no = shop.customer("no@example.test", "Nina", "No", "", false, true);
            shop.cartLine(no, 40, 1, "[]", shop.minutesAgo(90));
            shop.order().contact("guest@example.test", "Gus", "Guest", "")
                    .added(shop.minutesAgo(90))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            int sale = shop.order().customer(no).contact("no@example.test", "Nina", "No", "")
                    .added(shop.minutesAgo(30))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(sale, 2, shop.minutesAgo(30));

            List<PollRun> runs = harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("yes@example.test");
            assertThat(harness.sendPulse.emails("abandoned_checkout")).isEmpty();
            assertThat(harness.sendPulse.emails("purchase")).containsExactly("no@example.test");
            assertThat(harness.run(runs, "abandoned-checkouts").skippedByReason())
                    .isEqualTo(Map.of("no consent", 1));
        }
    }

    @org.junit.jupiter.api.Test
    void should_skip_an_order_or_a_cart_whose_email_cannot_be_an_address() {
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            ShopActivity shop = harness.activity;
            int typo = shop.customer("ann at example.test", "Ann", "Typo", "", true, true);
            shop.cartLine(typo, 40, 1, "[]", shop.minutesAgo(90));
            shop.order().contact("x@example.test<script>", "Xi", "Tag", "")
                    .added(shop.minutesAgo(90))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            int sale = shop.order().contact("not an email", "Nat", "Email", "")
                    .added(shop.minutesAgo(30))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(sale, 2, shop.minutesAgo(30));
            int fine = shop.order().contact("Fine.Buyer+shop@mail.example.test", "Fi", "Ne", "")
                    .added(shop.minutesAgo(30))
                    .line(40, "iPhone", "product 11", 1, "101.0000", "0").create();
            shop.history(fine, 2, shop.minutesAgo(30));

            List<PollRun> runs = harness.runOnce();

            assertThat(harness.sendPulse.emails("purchase"))
                    .containsExactly("Fine.Buyer+shop@mail.example.test");
            assertThat(harness.sendPulse.received()).hasSize(1);
            for (String detector : List.of("abandoned-carts", "abandoned-checkouts",
                    "purchases")) {
                assertThat(harness.run(runs, detector).skippedByReason())
                        .as(detector).isEqualTo(Map.of("invalid email", 1));
            }
        }
    }

    @ParameterizedTest(name = "F15 on OpenCart {0}, MySQL 8 SQL mode: {1}")
    @MethodSource("io.cartbridge.compat.CompatibilityTest#installs")
    void should_measure_idle_time_in_the_store_time_zone_whatever_the_jvm_zone(String version,
            boolean mysql8) {
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
        try (ServiceHarness harness = ServiceHarness.onFixture(version, mysql8)) {
            ShopActivity shop = harness.activity;
            shop.storeZone(ZoneId.of("Asia/Kolkata"));
            harness.runOnce();
            int early = shop.customer("early@example.test", "Eli", "Early", "", true, true);
            shop.cartLine(early, 40, 1, "[]", shop.minutesAgo(50));
            int due = shop.customer("due@example.test", "Dora", "Due", "", true, true);
            shop.cartLine(due, 40, 1, "[]", shop.minutesAgo(61));

            harness.runOnce();

            assertThat(harness.sendPulse.emails("abandoned_cart"))
                    .containsExactly("due@example.test");
            assertThat(harness.sendPulse.bodies("abandoned_cart").get(0).path("event_time")
                    .asText()).endsWith("+05:30");
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }
}
