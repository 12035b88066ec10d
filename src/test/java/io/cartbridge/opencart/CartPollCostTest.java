package io.cartbridge.opencart;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ShopActivity;
import io.cartbridge.testing.ShopReads;
import io.cartbridge.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What a cart poll costs the shop: on a shop with 20,000 cart lines spread over two weeks, a
 * poll that finds nothing new reads a few hundred rows, not the table (on OpenCart 4.1 only
 * with the owner's index on the date; without it, each line once), and a cart that goes idle
 * between two polls is still found, with the key a whole-table read gives it.
 */
class CartPollCostTest {

    private static final int LINES = 20_000;
    private static final int LINES_PER_CUSTOMER = 4;

    @Test
    void should_read_only_the_new_end_of_the_cart_table_on_opencart_3() {
        try (TestDatabase shop = TestDatabase.create("cartcost30")) {
            shop.load(Path.of("src/test/resources/opencart-3.0/schema.sql"));
            fill(shop, "3.0");

            assertIdlePollIsCheapAndRipeningIsSeen(shop, "3.0");
        }
    }

    @Test
    void should_read_only_recent_lines_on_opencart_4_1_once_the_owner_indexed_the_date() {
        try (TestDatabase shop = opencart41("cartcost41")) {
            shop.run("CREATE INDEX cart_date_added ON oc_cart (date_added);\n");

            assertIdlePollIsCheapAndRipeningIsSeen(shop, "4.1", LINES / 20);
        }
    }

    @Test
    void should_read_each_line_once_at_most_on_opencart_4_1_without_the_owner_index() {
        try (TestDatabase shop = opencart41("cartscan41")) {
            assertIdlePollIsCheapAndRipeningIsSeen(shop, "4.1", LINES + LINES / 20);
        }
    }

    private static TestDatabase opencart41(String name) {
        Path folder = ServiceHarness.sharedDir().resolve("fixtures/opencart/4.1.0.4");
        Assumptions.assumeTrue(Files.isDirectory(folder), "no OpenCart fixtures at " + folder);
        TestDatabase shop = TestDatabase.create(name);
        shop.load(folder.resolve("schema.sql"));
        shop.load(folder.resolve("data.sql"));
        fill(shop, "4.1");
        return shop;
    }

    private static void assertIdlePollIsCheapAndRipeningIsSeen(TestDatabase shop,
                                                               String version) {
        assertIdlePollIsCheapAndRipeningIsSeen(shop, version, LINES / 20);
    }

    private static void assertIdlePollIsCheapAndRipeningIsSeen(TestDatabase shop, String version,
                                                               long idleReadLimit) {
        try (ShopReads reads = new ShopReads(shop, version)) {
            ShopSnapshot snapshot = reads.snapshot();
            Detector carts = reads.carts();
            LocalDateTime now = LocalDateTime.now(snapshot.zone()).truncatedTo(ChronoUnit.SECONDS);
            long cursor = carts.detect(snapshot, now, -1).cursor();

            long before = reads.rowsRead();
            Detection idle = carts.detect(snapshot, now, cursor);
            long idleReads = reads.rowsRead() - before - counterOverhead(reads);
            LocalDateTime later = now.plusMinutes(61);
            before = reads.rowsRead();
            Detection ripened = carts.detect(snapshot, later, idle.cursor());
            long ripenedReads = reads.rowsRead() - before - counterOverhead(reads);
            Detection wholeTable = carts.detect(snapshot, later, -1);

            LocalDateTime idleAtFirstPolls = now.minusMinutes(60).truncatedTo(ChronoUnit.MINUTES);
            Set<String> ripenedSince = new HashSet<>();
            wholeTable.events().stream()
                    .filter(event -> !event.occurredAt().toLocalDateTime()
                            .isBefore(idleAtFirstPolls))
                    .forEach(event -> ripenedSince.add(event.key()));
            assertThat(idle.found()).isZero();
            assertThat(idleReads).isLessThan(idleReadLimit);
            assertThat(ripenedSince).isNotEmpty();
            assertThat(keys(ripened)).isEqualTo(ripenedSince);
            assertThat(ripenedReads).isLessThan(idleReadLimit + LINES / 20);
        }
    }

    /** What reading the counters itself adds to them. */
    private static long counterOverhead(ShopReads reads) {
        long first = reads.rowsRead();
        return reads.rowsRead() - first;
    }

    private static Set<String> keys(Detection detection) {
        Set<String> keys = new HashSet<>();
        detection.events().forEach(event -> keys.add(event.key()));
        detection.skips().forEach(skip -> keys.add(skip.key()));
        return keys;
    }

    /**
     * 5,000 customers with four lines each, one line a minute up to now, so the newest hour
     * holds the carts of some 15 customers that are not idle yet.
     */
    private static void fill(TestDatabase shop, String version) {
        new ShopActivity(shop, "oc_", version, ZoneOffset.UTC)
                .bulkCustomers("shopper", LINES / LINES_PER_CUSTOMER, 0, 0);
        String apiColumn = version.equals("4.1") ? "" : "api_id, ";
        String apiValue = version.equals("4.1") ? "" : "0, ";
        shop.run("INSERT INTO oc_cart (" + apiColumn + "customer_id, session_id, product_id,"
                + " `option`, quantity, date_added) SELECT " + apiValue + "1 + (seq - 1) DIV "
                + LINES_PER_CUSTOMER + ", CONCAT('sess', 1 + (seq - 1) DIV " + LINES_PER_CUSTOMER
                + "), 40 + seq % 4, '[]', 1, UTC_TIMESTAMP() - INTERVAL (" + LINES
                + " - seq) MINUTE - INTERVAL 1 SECOND FROM seq_1_to_" + LINES + ";\n");
        shop.run("ANALYZE TABLE oc_cart;\n");
    }
}
