package io.cartbridge.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes shop activity the way OpenCart writes it: customers, cart lines, orders with their
 * lines and totals, and status history. It names only the columns that 3.0, 4.0 and 4.1
 * share, and leaves the rest to each version's defaults, so one scenario fits every version.
 * Times are wall-clock store time.
 */
public final class ShopActivity {

    private final TestDatabase database;
    private final String prefix;
    private final String version;
    private ZoneId storeZone;

    public ShopActivity(TestDatabase database, String prefix, ZoneId storeZone) {
        this(database, prefix, "3.0", storeZone);
    }

    /** @param version the OpenCart line of the schema: 3.0, 4.0 or 4.1 */
    public ShopActivity(TestDatabase database, String prefix, String version, ZoneId storeZone) {
        this.database = database;
        this.prefix = prefix;
        this.version = version;
        this.storeZone = storeZone;
    }

    /** Sets the store's time zone, in the settings and for the times this class writes. */
    public void storeZone(ZoneId zone) {
        setting(0, "config_timezone", zone.getId(), false);
        this.storeZone = zone;
    }

    /** Gives a product a special price for customer group 1, the way the version stores it. */
    public void special(int productId, String price) {
        if (version.equals("4.1")) {
            update("DELETE FROM " + prefix + "product_discount WHERE product_id = ?", productId);
            insert("INSERT INTO " + prefix + "product_discount (product_id, customer_group_id,"
                    + " quantity, priority, price, type, special, date_start, date_end)"
                    + " VALUES (?, 1, 1, 1, ?, 'F', 1, '0000-00-00', '0000-00-00')",
                    productId, new BigDecimal(price));
        } else {
            update("DELETE FROM " + prefix + "product_special WHERE product_id = ?", productId);
            insert("INSERT INTO " + prefix + "product_special (product_id, customer_group_id,"
                    + " priority, price, date_start, date_end)"
                    + " VALUES (?, 1, 1, ?, '0000-00-00', '0000-00-00')",
                    productId, new BigDecimal(price));
        }
    }

    /** Turns SEO URLs on and gives a product a keyword in store 0, language 1. */
    public void seoKeyword(int productId, String keyword) {
        setting(0, "config_seo_url", "1", false);
        if (version.equals("3.0")) {
            update("DELETE FROM " + prefix + "seo_url WHERE query = ?", "product_id=" + productId);
            insert("INSERT INTO " + prefix + "seo_url (store_id, language_id, query, keyword)"
                    + " VALUES (0, 1, ?, ?)", "product_id=" + productId, keyword);
        } else {
            update("DELETE FROM " + prefix + "seo_url WHERE `key` = 'product_id' AND `value` = ?",
                    String.valueOf(productId));
            insert("INSERT INTO " + prefix + "seo_url (store_id, language_id, `key`, `value`,"
                    + " keyword, sort_order) VALUES (0, 1, 'product_id', ?, ?, 1)",
                    String.valueOf(productId), keyword);
        }
    }

    public void productImage(int productId, String path) {
        update("UPDATE " + prefix + "product SET image = ? WHERE product_id = ?", path, productId);
    }

    /** The store's wall clock, to the second, this many minutes ago. */
    public LocalDateTime minutesAgo(long minutes) {
        return LocalDateTime.now(storeZone).truncatedTo(ChronoUnit.SECONDS).minusMinutes(minutes);
    }

    public int customer(String email, String firstName, String lastName, String telephone,
                        boolean newsletter, boolean enabled) {
        return insert("INSERT INTO " + prefix + "customer (customer_group_id, store_id,"
                + " language_id, firstname, lastname, email, telephone, newsletter, status,"
                + " date_added) VALUES (1, 0, 1, ?, ?, ?, ?, ?, ?, ?)", firstName, lastName,
                email, telephone, newsletter ? 1 : 0, enabled ? 1 : 0, minutesAgo(60 * 24 * 30));
    }

    public void cartLine(int customerId, int productId, int quantity, String optionJson,
                         LocalDateTime added) {
        insert("INSERT INTO " + prefix + "cart (customer_id, session_id, product_id, `option`,"
                + " quantity, date_added) VALUES (?, ?, ?, ?, ?, ?)",
                customerId, "sess" + customerId, productId, optionJson, quantity, added);
    }

    /**
     * A request of a logged-in customer: 4.1 stamps all his cart lines with the time; 3.0 and
     * 4.0 leave them as they are.
     */
    public void visit(int customerId, LocalDateTime at) {
        if (version.equals("4.1")) {
            update("UPDATE " + prefix + "cart SET date_added = ? WHERE customer_id = ?", at,
                    customerId);
        }
    }

    /** A guest's cart line (customer 0), as the storefront adds it for the session. */
    public void guestCartLine(String sessionId, int productId, int quantity, LocalDateTime added) {
        insert("INSERT INTO " + prefix + "cart (customer_id, session_id, product_id, `option`,"
                + " quantity, date_added) VALUES (0, ?, ?, '[]', ?, ?)", sessionId, productId,
                quantity, added);
    }

    /**
     * A database session as the checkout leaves it once the guest typed an email: 3.0 keeps the
     * guest under "guest", 4.x under "customer". A null email leaves the session without one.
     */
    public void guestSession(String sessionId, String email, String firstName, String currency) {
        String person = email == null ? "{}" : "{\"customer_id\":0,\"firstname\":\""
                + firstName + "\",\"lastname\":\"\",\"email\":\"" + email
                + "\",\"telephone\":\"\"}";
        String data = "{\"language\":\"en-gb\",\"currency\":\"" + currency + "\",\""
                + (version.equals("3.0") ? "guest" : "customer") + "\":" + person + "}";
        update("DELETE FROM " + prefix + "session WHERE session_id = ?", sessionId);
        insert("INSERT INTO " + prefix + "session (session_id, data, expire) VALUES (?, ?, ?)",
                sessionId, data, LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(1));
    }

    public void deleteGuestCart(String sessionId) {
        update("DELETE FROM " + prefix + "cart WHERE customer_id = 0 AND session_id = ?",
                sessionId);
    }

    /**
     * Many purchases in a few statements: orders {@code firstId + 1} and on, one line each, a
     * Processing history row each, emails {@code <emailPrefix><i>@example.test}.
     */
    public void bulkPurchases(int firstId, String emailPrefix, int count) {
        String numbers = "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                + " WHERE i < " + count + ") ";
        database.run("SET SESSION max_recursive_iterations = " + (count + 1) + ";\n"
                + "INSERT INTO `" + prefix + "order` (order_id, store_id, customer_id,"
                + " firstname, lastname, email, total, order_status_id, language_id,"
                + " currency_code, currency_value, date_added, date_modified) " + numbers
                + "SELECT " + firstId + " + i, 0, 0, 'Pat', 'Buyer', CONCAT('" + emailPrefix
                + "', i, '@example.test'), 101, 2, 1, 'USD', 1, UTC_TIMESTAMP(),"
                + " UTC_TIMESTAMP() FROM n;\n"
                + "INSERT INTO " + prefix + "order_product (order_id, product_id, name, model,"
                + " quantity, price, total, tax) " + numbers + "SELECT " + firstId + " + i, 40,"
                + " 'iPhone', 'IP-1', 1, 101, 101, 0 FROM n;\n"
                + "INSERT INTO " + prefix + "order_history (order_id, order_status_id, notify,"
                + " comment, date_added) " + numbers + "SELECT " + firstId + " + i, 2, 0, '',"
                + " UTC_TIMESTAMP() FROM n;\n");
    }

    /**
     * Many customers in one statement, ids 1 to count, emails
     * {@code <emailPrefix><i>@example.test}; every customer whose id is divisible by
     * {@code noNewsletterEvery} did not agree to the newsletter, and every one divisible by
     * {@code disabledEvery} is disabled (0: none).
     */
    public void bulkCustomers(String emailPrefix, int count, int noNewsletterEvery,
                              int disabledEvery) {
        database.run("SET SESSION max_recursive_iterations = " + (count + 1) + ";\n"
                + "INSERT INTO " + prefix + "customer (customer_id, customer_group_id, store_id,"
                + " language_id, firstname, lastname, email, telephone, newsletter, status,"
                + " date_added) WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                + " WHERE i < " + count + ") SELECT i, 1, 0, 1, CONCAT('First', i),"
                + " CONCAT('Last', i), CONCAT('" + emailPrefix + "', i, '@example.test'), '',"
                + " IF(" + everyNth("i", noNewsletterEvery) + ", 0, 1), IF("
                + everyNth("i", disabledEvery) + ", 0, 1), UTC_TIMESTAMP() FROM n;\n");
    }

    private static String everyNth(String column, int every) {
        return every <= 0 ? "FALSE" : column + " % " + every + " = 0";
    }

    public Order order() {
        return new Order();
    }

    /** Adds a status change, as OpenCart's addOrderHistory does: history row and order status. */
    public void history(int orderId, int statusId, LocalDateTime at) {
        insert("INSERT INTO " + prefix + "order_history (order_id, order_status_id, notify,"
                + " comment, date_added) VALUES (?, ?, 0, '', ?)", orderId, statusId, at);
        update("UPDATE `" + prefix + "order` SET order_status_id = ?, date_modified = ?"
                + " WHERE order_id = ?", statusId, at, orderId);
    }

    public void setting(int storeId, String key, String value, boolean serialized) {
        update("DELETE FROM " + prefix + "setting WHERE store_id = ? AND `key` = ?", storeId, key);
        insert("INSERT INTO " + prefix + "setting (store_id, code, `key`, `value`, serialized)"
                + " VALUES (?, 'config', ?, ?, ?)", storeId, key, value, serialized ? 1 : 0);
    }

    public void deleteProduct(int productId) {
        update("DELETE FROM " + prefix + "product WHERE product_id = ?", productId);
        update("DELETE FROM " + prefix + "product_description WHERE product_id = ?", productId);
    }

    /** An order as the checkout writes it at the confirm step, with status 0 until history. */
    public final class Order {
        private int customerId;
        private String email = "";
        private String firstName = "";
        private String lastName = "";
        private String telephone = "";
        private String currency = "USD";
        private BigDecimal currencyValue = BigDecimal.ONE;
        private int storeId;
        private String storeUrl = "";
        private LocalDateTime added = minutesAgo(0);
        private final List<Object[]> lines = new ArrayList<>();

        public Order customer(int id) {
            this.customerId = id;
            return this;
        }

        public Order contact(String email, String firstName, String lastName, String telephone) {
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
            this.telephone = telephone;
            return this;
        }

        public Order currency(String code, String value) {
            this.currency = code;
            this.currencyValue = new BigDecimal(value);
            return this;
        }

        public Order store(int id, String url) {
            this.storeId = id;
            this.storeUrl = url;
            return this;
        }

        public Order added(LocalDateTime at) {
            this.added = at;
            return this;
        }

        /** A line with its unit price and unit tax in the default currency. */
        public Order line(int productId, String name, String model, int quantity, String price,
                          String tax, String... options) {
            lines.add(new Object[] {productId, name, model, quantity, new BigDecimal(price),
                new BigDecimal(tax), options});
            return this;
        }

        public int create() {
            BigDecimal subTotal = BigDecimal.ZERO;
            BigDecimal taxes = BigDecimal.ZERO;
            for (Object[] line : lines) {
                BigDecimal quantity = BigDecimal.valueOf((Integer) line[3]);
                subTotal = subTotal.add(((BigDecimal) line[4]).multiply(quantity));
                taxes = taxes.add(((BigDecimal) line[5]).multiply(quantity));
            }
            BigDecimal total = subTotal.add(taxes);
            int orderId = insert("INSERT INTO `" + prefix + "order` (invoice_prefix, store_id,"
                    + " store_name, store_url, customer_id, customer_group_id, firstname,"
                    + " lastname, email, telephone, total, order_status_id, language_id,"
                    + " currency_id, currency_code, currency_value, ip, date_added,"
                    + " date_modified) VALUES ('INV-', ?, 'Shop', ?, ?, 1, ?, ?, ?, ?, ?, 0, 1, 1,"
                    + " ?, ?, '127.0.0.1', ?, ?)",
                    storeId, storeUrl, customerId, firstName, lastName, email, telephone, total,
                    currency, currencyValue, added, added);
            for (Object[] line : lines) {
                BigDecimal quantity = BigDecimal.valueOf((Integer) line[3]);
                int orderProductId = insert("INSERT INTO " + prefix + "order_product (order_id,"
                        + " product_id, name, model, quantity, price, total, tax, reward)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", orderId, line[0], line[1],
                        line[2], line[3], line[4], ((BigDecimal) line[4]).multiply(quantity),
                        line[5]);
                for (String option : (String[]) line[6]) {
                    String[] parts = option.split("=", 2);
                    insert("INSERT INTO " + prefix + "order_option (order_id, order_product_id,"
                            + " product_option_id, product_option_value_id, name, `value`, type)"
                            + " VALUES (?, ?, 0, 0, ?, ?, 'select')", orderId, orderProductId,
                            parts[0], parts[1]);
                }
            }
            insert("INSERT INTO " + prefix + "order_total (order_id, code, title, `value`,"
                    + " sort_order) VALUES (?, 'sub_total', 'Sub-Total', ?, 1)", orderId, subTotal);
            insert("INSERT INTO " + prefix + "order_total (order_id, code, title, `value`,"
                    + " sort_order) VALUES (?, 'total', 'Total', ?, 9)", orderId, total);
            return orderId;
        }
    }

    private int insert(String sql, Object... values) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql,
                     Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, values);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                return keys.next() ? keys.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
