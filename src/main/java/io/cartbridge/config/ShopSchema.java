package io.cartbridge.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Tells which OpenCart version a database holds, from the shape of its tables. */
public final class ShopSchema {

    private ShopSchema() {
    }

    /**
     * The version to use: the configured one, or, for {@code auto}, the one the schema shows.
     */
    public static String version(String configured, DataSource shop, String prefix) {
        String detected = detect(shop, prefix);
        return configured == null || configured.isBlank() || configured.equals("auto")
                ? detected : configured.trim();
    }

    /** The database a pool reads, without credentials or options, for the log. */
    public static String where(DataSource shop) {
        try (Connection connection = shop.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getURL().replaceAll("\\?.*$", "").replaceAll("//[^@/]*@", "//");
        } catch (SQLException e) {
            return "(unknown)";
        }
    }

    static String detect(DataSource shop, String prefix) {
        try (Connection connection = shop.getConnection()) {
            if (!hasColumn(connection, prefix + "setting", "key")) {
                throw new IllegalStateException("No OpenCart tables with prefix '" + prefix
                        + "' in " + connection.getCatalog() + ": check opencart.db.url and"
                        + " opencart.table-prefix");
            }
            if (hasColumn(connection, prefix + "seo_url", "query")) {
                return "3.0";
            }
            return hasColumn(connection, prefix + "cart", "api_id") ? "4.0" : "4.1";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the shop schema: " + e.getMessage(), e);
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet columns = meta.getColumns(connection.getCatalog(), null, table, column)) {
            return columns.next();
        }
    }
}
