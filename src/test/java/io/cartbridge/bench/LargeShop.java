package io.cartbridge.bench;

import io.cartbridge.delivery.HistoryMarks;
import io.cartbridge.opencart.Detection;
import io.cartbridge.opencart.Detector;
import io.cartbridge.opencart.ShopSnapshot;
import io.cartbridge.testing.ShopActivity;
import io.cartbridge.testing.ShopReads;
import io.cartbridge.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills an OpenCart 3.0 database with a large shop (1,000,000 orders, 3,000,000 status
 * changes, 200,000 cart lines), then times each detector's poll when nothing is new and when
 * a few rows are, with the rows the server read and the plan of every statement; then again
 * with the indexes an owner may add. Not a test; docs/benchmarks.md has the command. The
 * database is dropped at the end unless {@code --keep} is given.
 */
public final class LargeShop {

    private static final int ORDERS = 1_000_000;
    private static final int PAID_ORDERS = ORDERS / 5 * 4;
    private static final int HISTORY = 3_000_000;
    private static final int CART_LINES = 200_000;
    private static final int GUEST_LINES = 30;
    private static final int CUSTOMERS = 100_000;
    private static final int POLLS = 20;

    /** Indexes an owner may add; the service never creates them. */
    private static final List<String> OWNER_INDEXES = List.of(
            "CREATE INDEX order_id ON oc_order_history (order_id);",
            "CREATE INDEX customer_id ON oc_order (customer_id);",
            "CREATE INDEX email ON oc_order (email);",
            "CREATE INDEX order_status_id ON oc_order (order_status_id, date_added);",
            "CREATE INDEX date_added ON oc_cart (date_added);");

    private LargeShop() {
    }

    public static void main(String[] args) {
        boolean keep = List.of(args).contains("--keep");
        if (List.of(args).contains("--carts-4.1")) {
            measureCarts41(keep);
            System.exit(0);
        }
        TestDatabase shop = TestDatabase.create("largeshop");
        try {
            shop.load(Path.of("src/test/resources/opencart-3.0/schema.sql"));
            long start = System.nanoTime();
            fill(shop);
            System.out.printf("filled %s in %.0f s%n", shop.name(),
                    (System.nanoTime() - start) / 1e9);

            measure(shop, "without optional indexes", 0);
            long indexing = System.nanoTime();
            shop.run(String.join("\n", OWNER_INDEXES)
                    + "\nANALYZE TABLE oc_order, oc_order_history, oc_cart;\n");
            System.out.printf("%nadded %s in %.0f s%n", OWNER_INDEXES,
                    (System.nanoTime() - indexing) / 1e9);
            measure(shop, "with the optional indexes", 1);
        } finally {
            if (keep) {
                System.out.println("kept database " + shop.name());
            } else {
                shop.close();
            }
        }
        System.exit(0);
    }

    /**
     * OpenCart 4.1 stamps all of a customer's cart lines with the time of his last request, so
     * a cart ripens through old lines and no index of 4.1 finds them: the cart poll reads the
     * table once. This measures that read on 200,000 lines of 50,000 customers, whose last
     * activity is spread over two years, then again with the owner's index on date_added.
     */
    private static void measureCarts41(boolean keep) {
        Path folder = Path.of(System.getProperty("cartbridge.shared-dir", "../shared"))
                .resolve("fixtures/opencart/4.1.0.4");
        TestDatabase shop = TestDatabase.create("largecarts41");
        try {
            shop.load(folder.resolve("schema.sql"));
            shop.load(folder.resolve("data.sql"));
            int customers = CART_LINES / 4;
            new ShopActivity(shop, "oc_", "4.1", ZoneOffset.UTC)
                    .bulkCustomers("shopper", customers, 3, 0);
            shop.run("INSERT INTO oc_cart (store_id, customer_id, session_id, product_id,"
                    + " `option`, quantity, date_added) SELECT 0, 1 + (seq - 1) DIV 4,"
                    + " CONCAT('sess', 1 + (seq - 1) DIV 4), 40 + seq % 4, '[]', 1,"
                    + " UTC_TIMESTAMP() - INTERVAL (" + customers + " - (seq - 1) DIV 4) * 20"
                    + " MINUTE - INTERVAL 1 SECOND FROM seq_1_to_" + CART_LINES + ";\n"
                    + "ANALYZE TABLE oc_cart, oc_customer;\n");
            cartPolls41(shop, "without optional indexes");
            shop.run("CREATE INDEX date_added ON oc_cart (date_added);\n"
                    + "ANALYZE TABLE oc_cart;\n");
            cartPolls41(shop, "with the owner's index on oc_cart (date_added)");
        } finally {
            if (keep) {
                System.out.println("kept database " + shop.name());
            } else {
                shop.close();
            }
        }
    }

    private static void cartPolls41(TestDatabase shop, String label) {
        System.out.printf("%n=== OpenCart 4.1 carts, %s ===%n", label);
        try (ShopReads reads = new ShopReads(shop, "4.1")) {
            ShopSnapshot snapshot = reads.snapshot();
            Detector carts = reads.carts();
            LocalDateTime now = LocalDateTime.now(snapshot.zone()).truncatedTo(ChronoUnit.SECONDS);
            long started = System.nanoTime();
            Detection first = carts.detect(snapshot, now, -1);
            System.out.printf("first poll %8.1f ms, found %d%n",
                    (System.nanoTime() - started) / 1e6, first.found());
            long cursor = first.cursor();
            for (int i = 0; i < 3; i++) {
                cursor = carts.detect(snapshot, now, cursor).cursor();
            }
            reads.takeStatements();
            List<Double> times = new ArrayList<>();
            long rows = 0;
            List<ShopReads.Ran> idle = List.of();
            for (int i = 0; i < POLLS; i++) {
                long before = reads.rowsRead();
                long polled = System.nanoTime();
                cursor = carts.detect(snapshot, now, cursor).cursor();
                times.add((System.nanoTime() - polled) / 1e6);
                rows = reads.rowsRead() - before;
                List<ShopReads.Ran> ran = reads.takeStatements();
                if (i == 0) {
                    idle = ran;
                }
            }
            Collections.sort(times);
            System.out.printf("idle poll: median %.1f ms, max %.1f ms, rows read %d%n",
                    (times.get(POLLS / 2 - 1) + times.get(POLLS / 2)) / 2,
                    times.get(POLLS - 1), rows);
            // Three customers came back 59 minutes before the polls above, so their carts were
            // not idle then; two minutes later they are.
            shop.run("UPDATE oc_cart SET date_added = '" + now.minusMinutes(59).toString()
                    .replace('T', ' ') + "' WHERE customer_id IN (1000, 2000, 3000);\n");
            LocalDateTime later = now.plusMinutes(2);
            long before = reads.rowsRead();
            long polled = System.nanoTime();
            Detection ripened = carts.detect(snapshot, later, cursor);
            System.out.printf("poll after 3 carts ripened: %.1f ms, found %d, rows read %d%n",
                    (System.nanoTime() - polled) / 1e6, ripened.found(),
                    reads.rowsRead() - before);
            ripened.events().forEach(event -> System.out.println("  " + event.key()
                    + " idle since " + event.occurredAt()));
            reads.takeStatements();
            printPlans(reads, "idle poll", Map.of("carts 4.1", idle));
            // Leave the three customers as they were, for the next round.
            shop.run("UPDATE oc_cart SET date_added = UTC_TIMESTAMP() - INTERVAL 400 DAY"
                    + " WHERE customer_id IN (1000, 2000, 3000);\n");
        }
    }

    private static void fill(TestDatabase shop) {
        new ShopActivity(shop, "oc_", ZoneOffset.UTC).bulkCustomers("shopper", CUSTOMERS, 3, 0);
        // One order every two minutes back from now (almost four years); every fifth stopped
        // at the confirm step (status 0), a third are guests.
        shop.run("INSERT INTO oc_order (order_id, store_id, customer_id, firstname, lastname,"
                + " email, total, order_status_id, language_id, currency_code, currency_value,"
                + " date_added, date_modified) SELECT seq, 0, IF(seq % 3 = 0, 0, 1 + seq % "
                + CUSTOMERS + "), 'Pat', 'Buyer', CONCAT('shopper', 1 + seq % " + CUSTOMERS
                + ", '@example.test'), 101, IF(seq % 5 = 0, 0, 5), 1, 'USD', 1,"
                + " UTC_TIMESTAMP() - INTERVAL (" + ORDERS + " - seq) * 2 MINUTE,"
                + " UTC_TIMESTAMP() - INTERVAL (" + ORDERS + " - seq) * 2 MINUTE"
                + " FROM seq_1_to_" + ORDERS + ";\n"
                + "INSERT INTO oc_order_product (order_id, product_id, name, model, quantity,"
                + " price, total, tax) SELECT seq, 40, 'iPhone', 'IP-1', 1, 101, 101, 0"
                + " FROM seq_1_to_" + ORDERS + ";\n");
        // 3.75 status changes per placed order (ids not divisible by 5), in time order.
        shop.run("INSERT INTO oc_order_history (order_id, order_status_id, notify, comment,"
                + " date_added) SELECT o, ELT(1 + seq % 4, 1, 2, 3, 5), 0, '',"
                + " UTC_TIMESTAMP() - INTERVAL (" + ORDERS + " - o) * 2 MINUTE"
                + " + INTERVAL seq % 4 SECOND FROM (SELECT seq, p + (p - 1) DIV 4 AS o FROM"
                + " (SELECT seq, 1 + (seq - 1) * " + PAID_ORDERS + " DIV " + HISTORY
                + " AS p FROM seq_1_to_" + HISTORY + ") paid) history;\n");
        // Four lines per customer, one line every five minutes back from now (almost two
        // years), and the guest lines of the last half hour, a third of them with an email.
        int customerLines = CART_LINES - GUEST_LINES;
        shop.run("INSERT INTO oc_cart (api_id, customer_id, session_id, product_id, `option`,"
                + " quantity, date_added) SELECT 0, 1 + (seq - 1) DIV 4, CONCAT('sess',"
                + " 1 + (seq - 1) DIV 4), 40 + seq % 4, '[]', 1, UTC_TIMESTAMP() - INTERVAL ("
                + customerLines + " - seq) * 5 MINUTE - INTERVAL 1 SECOND FROM seq_1_to_"
                + customerLines + ";\n"
                + "INSERT INTO oc_cart (api_id, customer_id, session_id, product_id, `option`,"
                + " quantity, date_added) SELECT 0, 0, CONCAT('largeshopguest', LPAD(seq, 8,"
                + " '0')), 40, '[]', 1, UTC_TIMESTAMP() - INTERVAL seq MINUTE FROM seq_1_to_"
                + GUEST_LINES + ";\n"
                + "INSERT INTO oc_session (session_id, data, expire) SELECT CONCAT("
                + "'largeshopguest', LPAD(seq, 8, '0')), CONCAT('{\"currency\":\"USD\","
                + "\"guest\":{\"email\":\"guest', seq, '@example.test\",\"firstname\":\"G\"}}'),"
                + " UTC_TIMESTAMP() + INTERVAL 1 DAY FROM seq_1_to_" + GUEST_LINES / 3 + ";\n"
                + "ANALYZE TABLE oc_order, oc_order_history, oc_order_product, oc_cart,"
                + " oc_customer, oc_session;\n");
    }

    private static void measure(TestDatabase shop, String label, int round) {
        System.out.printf("%n=== %s ===%n", label);
        try (ShopReads reads = new ShopReads(shop, "3.0");
             TestDatabase state = TestDatabase.create("largeshopstate")) {
            // The service's history marks, taken as on its first start (one full read).
            state.load(Path.of("src/main/resources/db/migration/V6__history_marks.sql"));
            HistoryMarks marks = new HistoryMarks(state.dataSource(), Duration.ofDays(8));
            long marking = System.nanoTime();
            marks.mark(reads.query(), reads.snapshot().zone());
            System.out.printf("first history marks %.1f ms%n", (System.nanoTime() - marking) / 1e6);
            ShopSnapshot snapshot = reads.snapshot().withHistoryFloor(marks::floor);
            LocalDateTime now = LocalDateTime.now(snapshot.zone()).truncatedTo(ChronoUnit.SECONDS);
            // What the ledger holds as sent: every event of an earlier poll.
            Set<String> sent = new HashSet<>();
            Map<String, Detector> detectors = new LinkedHashMap<>();
            detectors.put("carts", reads.carts());
            detectors.put("guest carts", reads.guestCarts());
            detectors.put("checkouts", reads.checkouts(keys -> keys.stream()
                    .filter(sent::contains).collect(Collectors.toSet())));
            detectors.put("purchases", reads.purchases());

            Map<String, Long> cursors = new LinkedHashMap<>();
            for (Map.Entry<String, Detector> entry : detectors.entrySet()) {
                long started = System.nanoTime();
                Detection first = entry.getValue().detect(snapshot, now, -1);
                System.out.printf("first poll %-12s %8.1f ms, found %d%n", entry.getKey(),
                        (System.nanoTime() - started) / 1e6, first.found());
                cursors.put(entry.getKey(), first.cursor());
                first.events().forEach(event -> sent.add(event.key()));
            }
            reads.takeStatements();

            System.out.printf("%n%-12s %12s %12s %10s%n", "idle poll", "median ms", "max ms",
                    "rows read");
            Map<String, List<ShopReads.Ran>> idleStatements = new LinkedHashMap<>();
            for (Map.Entry<String, Detector> entry : detectors.entrySet()) {
                Detector detector = entry.getValue();
                long cursor = cursors.get(entry.getKey());
                for (int i = 0; i < 3; i++) {
                    cursor = detector.detect(snapshot, now, cursor).cursor();
                }
                reads.takeStatements();
                List<Double> times = new ArrayList<>();
                long rows = 0;
                for (int i = 0; i < POLLS; i++) {
                    long before = reads.rowsRead();
                    long started = System.nanoTime();
                    cursor = detector.detect(snapshot, now, cursor).cursor();
                    times.add((System.nanoTime() - started) / 1e6);
                    rows = reads.rowsRead() - before;
                    List<ShopReads.Ran> ran = reads.takeStatements();
                    if (i == 0) {
                        idleStatements.put(entry.getKey(), ran);
                    }
                }
                cursors.put(entry.getKey(), cursor);
                Collections.sort(times);
                System.out.printf("%-12s %12.1f %12.1f %10d%n", entry.getKey(),
                        (times.get(POLLS / 2 - 1) + times.get(POLLS / 2)) / 2,
                        times.get(POLLS - 1), rows);
            }

            addNewRows(shop, round);
            LocalDateTime later = LocalDateTime.now(snapshot.zone())
                    .truncatedTo(ChronoUnit.SECONDS);
            System.out.printf("%n%-12s %12s %8s %10s %6s%n", "a few new", "ms", "found",
                    "rows read", "polls");
            Map<String, List<ShopReads.Ran>> newStatements = new LinkedHashMap<>();
            for (Map.Entry<String, Detector> entry : detectors.entrySet()) {
                long before = reads.rowsRead();
                long started = System.nanoTime();
                // As the service does: a detector that says more rows wait is polled again.
                Detection detection;
                long cursor = cursors.get(entry.getKey());
                int found = 0;
                int polls = 0;
                do {
                    detection = entry.getValue().detect(snapshot, later, cursor);
                    cursor = detection.cursor();
                    found += detection.found();
                    polls++;
                } while (detection.more());
                double ms = (System.nanoTime() - started) / 1e6;
                long rows = reads.rowsRead() - before;
                List<ShopReads.Ran> ran = reads.takeStatements();
                newStatements.put(entry.getKey(), ran.subList(Math.max(0, ran.size() - 12),
                        ran.size()));
                System.out.printf("%-12s %12.1f %8d %10d %6d%n", entry.getKey(), ms, found, rows,
                        polls);
            }

            printPlans(reads, "idle poll", idleStatements);
            printPlans(reads, "poll with a few new rows", newStatements);
        }
    }

    /**
     * Five purchases, three carts of customers without one that went idle an hour ago, and two
     * checkouts left an hour ago.
     */
    private static void addNewRows(TestDatabase shop, int round) {
        int order = ORDERS + 1 + round * 10;
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            int status = i < 5 ? 2 : 0;
            sql.append("INSERT INTO oc_order (order_id, store_id, customer_id, firstname,"
                    + " lastname, email, total, order_status_id, language_id, currency_code,"
                    + " currency_value, date_added, date_modified) VALUES (").append(order + i)
                    .append(", 0, 0, 'New', 'Shopper', 'new").append(round).append(i)
                    .append("@example.test', 101, ").append(status).append(", 1, 'USD', 1,"
                            + " UTC_TIMESTAMP() - INTERVAL 61 MINUTE,"
                            + " UTC_TIMESTAMP() - INTERVAL 61 MINUTE);\n");
            sql.append("INSERT INTO oc_order_product (order_id, product_id, name, model,"
                    + " quantity, price, total, tax) VALUES (").append(order + i)
                    .append(", 40, 'iPhone', 'IP-1', 1, 101, 101, 0);\n");
            if (status > 0) {
                sql.append("INSERT INTO oc_order_history (order_id, order_status_id, notify,"
                        + " comment, date_added) VALUES (").append(order + i)
                        .append(", 2, 0, '', UTC_TIMESTAMP());\n");
            }
        }
        for (int i = 0; i < 3; i++) {
            int customer = CART_LINES / 4 + 1000 + round * 10 + i;
            sql.append("INSERT INTO oc_cart (api_id, customer_id, session_id, product_id,"
                    + " `option`, quantity, date_added) VALUES (0, ").append(customer)
                    .append(", 'sessnew', 40, '[]', 1, UTC_TIMESTAMP() - INTERVAL 61 MINUTE);\n");
        }
        shop.run(sql.toString());
    }

    private static void printPlans(ShopReads reads, String title,
                                   Map<String, List<ShopReads.Ran>> statements) {
        System.out.printf("%n--- plans, %s ---%n", title);
        for (Map.Entry<String, List<ShopReads.Ran>> entry : statements.entrySet()) {
            for (ShopReads.Ran ran : entry.getValue()) {
                String sql = ran.sql().replaceAll("\\s+", " ").trim();
                System.out.printf("[%s] %s%n", entry.getKey(),
                        sql.length() > 150 ? sql.substring(0, 150) + " ..." : sql);
                System.out.print(reads.explain(ran));
            }
        }
    }
}
