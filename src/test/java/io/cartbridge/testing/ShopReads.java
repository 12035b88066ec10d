package io.cartbridge.testing;

import io.cartbridge.opencart.CartDetector;
import io.cartbridge.opencart.CheckoutDetector;
import io.cartbridge.opencart.DetectionRules;
import io.cartbridge.opencart.Detector;
import io.cartbridge.opencart.GuestCartCopies;
import io.cartbridge.opencart.GuestCartDetector;
import io.cartbridge.opencart.PurchaseDetector;
import io.cartbridge.opencart.ShopQuery;
import io.cartbridge.opencart.ShopSnapshot;
import io.cartbridge.opencart.SqlCatalog;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The service's detectors over one shop connection, so that the server's handler counters of
 * that session show how many rows a poll read. Guest cart copies are kept in memory.
 */
public final class ShopReads implements AutoCloseable {

    /** One statement a detector ran, with its parameters, to be explained later. */
    public record Ran(String sql, List<Object> parameters) {
    }

    private final Connection connection;
    private final ShopQuery query;
    private final DetectionRules rules;
    private final List<Ran> ran = new ArrayList<>();

    /** @param version the OpenCart line of the schema: 3.0, 4.0 or 4.1 */
    public ShopReads(TestDatabase shop, String version) {
        try {
            this.connection = shop.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        this.query = new ShopQuery(new OneConnection(connection, ran),
                new SqlCatalog(version, "oc_"));
        this.rules = new DetectionRules(60, 7, false, 20, 1000);
    }

    public ShopSnapshot snapshot() {
        return ShopSnapshot.load(query, Optional.of(ServiceHarness.STORE_URL), Set.of());
    }

    public Detector carts() {
        return new CartDetector(query, rules);
    }

    public Detector guestCarts() {
        return new GuestCartDetector(query, rules, new MemoryCopies(),
                GuestCartDetector.CustomerEmailPolicy.SEND);
    }

    public Detector checkouts() {
        return new CheckoutDetector(query, rules);
    }

    /** Checkouts, with the keys that the ledger holds as sent or failed. */
    public Detector checkouts(
            java.util.function.Function<java.util.Collection<String>, Set<String>> settled) {
        return new CheckoutDetector(query, rules, settled);
    }

    public Detector purchases() {
        return new PurchaseDetector(query, rules, false, false);
    }

    /** Rows the session has read so far, by any access path (Handler_read_* summed). */
    public long rowsRead() {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW SESSION STATUS LIKE 'Handler_read%'")) {
            long sum = 0;
            while (row.next()) {
                sum += row.getLong(2);
            }
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same counters one by one, for a report. */
    public Map<String, Long> handlerReads() {
        Map<String, Long> reads = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW SESSION STATUS LIKE 'Handler_read%'")) {
            while (row.next()) {
                reads.put(row.getString(1), row.getLong(2));
            }
            return reads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ShopQuery query() {
        return query;
    }

    /** The statements run since the last call, and forgets them. */
    public List<Ran> takeStatements() {
        List<Ran> taken = List.copyOf(ran);
        ran.clear();
        return taken;
    }

    /** The server's plan of one statement: table, access type, key, rows and extra, a line each. */
    public String explain(Ran statement) {
        try (var explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                explain.setObject(i + 1, statement.parameters().get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet row = explain.executeQuery()) {
                while (row.next()) {
                    plan.append(String.format("  %-8s %-14s %-7s %-16s %9s  %s%n",
                            row.getString("select_type"), row.getString("table"),
                            row.getString("type"), row.getString("key"), row.getString("rows"),
                            row.getString("Extra") == null ? "" : row.getString("Extra")));
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A data source that always hands out the same connection and never closes it, and notes
     * each statement prepared on it with the parameters bound.
     */
    private record OneConnection(Connection connection, List<Ran> ran) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        Object result = call(method, connection, args);
                        return method.getName().equals("prepareStatement")
                                ? noted((PreparedStatement) result, (String) args[0]) : result;
                    });
        }

        private PreparedStatement noted(PreparedStatement statement, String sql) {
            List<Object> parameters = new ArrayList<>();
            ran.add(new Ran(sql, parameters));
            return (PreparedStatement) Proxy.newProxyInstance(
                    PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        if (method.getName().equals("setObject")) {
                            int index = (Integer) args[0];
                            while (parameters.size() < index) {
                                parameters.add(null);
                            }
                            parameters.set(index - 1, args[1]);
                        }
                        return call(method, statement, args);
                    });
        }

        /** Calls the real object, so that its own exceptions reach the caller unwrapped. */
        private static Object call(Method method, Object target, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    /** Guest cart copies in memory, as the service keeps them in its own table. */
    private static final class MemoryCopies implements GuestCartCopies {
        private final Map<String, Copy> copies = new HashMap<>();

        @Override
        public void save(Copy copy) {
            Copy seen = copies.get(copy.cartId());
            copies.put(copy.cartId(), seen == null ? copy : new Copy(copy.cartId(),
                    copy.storeId(), copy.email(), copy.firstName(), copy.lastName(),
                    copy.telephone(), copy.currency(), copy.fingerprint(), copy.lines(),
                    seen.firstSeen(), copy.lastChange()));
        }

        @Override
        public List<Copy> idle(LocalDateTime idleBefore, LocalDateTime notBefore) {
            List<Copy> idle = new ArrayList<>();
            for (Copy copy : copies.values()) {
                if (copy.lastChange().isBefore(idleBefore)
                        && !copy.lastChange().isBefore(notBefore)) {
                    idle.add(copy);
                }
            }
            return idle;
        }

        @Override
        public void forget(LocalDateTime before) {
            copies.values().removeIf(copy -> copy.lastChange().isBefore(before));
        }
    }
}
