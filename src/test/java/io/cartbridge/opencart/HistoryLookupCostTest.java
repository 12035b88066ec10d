package io.cartbridge.opencart;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.delivery.HistoryMarks;
import io.cartbridge.testing.ShopActivity;
import io.cartbridge.testing.ShopReads;
import io.cartbridge.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a look-up of order history costs: OpenCart does not index order_history by order, so
 * without the service's marks a look-up reads the whole table; with them, only its new end.
 */
class HistoryLookupCostTest {

    private static final int ORDERS = 40_000;

    @Test
    void should_read_only_the_recent_history_once_marks_are_kept_and_still_find_each_sale() {
        try (TestDatabase shop = TestDatabase.create("historycost");
             TestDatabase state = TestDatabase.create("historymarks")) {
            shop.load(Path.of("src/test/resources/opencart-3.0/schema.sql"));
            state.load(Path.of("src/main/resources/db/migration/V6__history_marks.sql"));
            // One order a minute for four weeks, each with its status change at once.
            new ShopActivity(shop, "oc_", ZoneOffset.UTC).bulkPurchases(0, "buyer", ORDERS);
            shop.run("UPDATE oc_order SET date_added = UTC_TIMESTAMP() - INTERVAL (" + ORDERS
                    + " - order_id) MINUTE;\n"
                    + "UPDATE oc_order_history SET date_added = UTC_TIMESTAMP() - INTERVAL ("
                    + ORDERS + " - order_id) MINUTE;\n");
            try (ShopReads reads = new ShopReads(shop, "3.0")) {
                ShopSnapshot unmarked = reads.snapshot();
                HistoryMarks marks = new HistoryMarks(state.dataSource(), Duration.ofDays(8));
                marks.mark(reads.query(), unmarked.zone());
                ShopSnapshot marked = unmarked.withHistoryFloor(marks::floor);
                LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC).minusHours(2);
                List<String> recent = List.of("buyer" + (ORDERS - 30) + "@example.test");
                List<String> old = List.of("buyer" + (ORDERS - 20_000) + "@example.test");

                long before = reads.rowsRead();
                SaleHistory whole = SaleHistory.load(reads.query(), unmarked, List.of(), recent,
                        since);
                long wholeReads = reads.rowsRead() - before;
                before = reads.rowsRead();
                SaleHistory bounded = SaleHistory.load(reads.query(), marked, List.of(), recent,
                        since);
                long boundedReads = reads.rowsRead() - before;

                assertThat(whole.boughtSince(0, recent.get(0), since, 0)).isTrue();
                assertThat(bounded.boughtSince(0, recent.get(0), since, 0)).isTrue();
                assertThat(wholeReads).isGreaterThanOrEqualTo(ORDERS);
                // A day and a half of one change a minute, and each one's order.
                assertThat(boundedReads).isLessThan(ORDERS / 10);
                // Older than the marks reach: read in full, still right.
                LocalDateTime longAgo = since.minusDays(20);
                assertThat(SaleHistory.load(reads.query(), marked, List.of(), old, longAgo)
                        .boughtSince(0, old.get(0), longAgo, 0)).isTrue();
            }
        }
    }
}
