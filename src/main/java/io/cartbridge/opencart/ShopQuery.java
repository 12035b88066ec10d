package io.cartbridge.opencart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Runs a catalogue query with named parameters ({@code :name}). A collection parameter expands
 * to one placeholder per element, so an {@code IN (:ids)} list is bound safely.
 */
public final class ShopQuery {

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_][a-z0-9_]*)");

    private final DataSource dataSource;
    private final SqlCatalog catalog;

    public ShopQuery(DataSource dataSource, SqlCatalog catalog) {
        this.dataSource = dataSource;
        this.catalog = catalog;
    }

    public SqlCatalog catalog() {
        return catalog;
    }

    public <T> List<T> list(String name, Map<String, ?> parameters, RowReader<T> reader) {
        String template = catalog.query(name);
        List<Object> values = new ArrayList<>();
        String sql = bind(template, parameters, values);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(reader.read(resultSet));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ShopQueryException("Query " + catalog.version() + "/" + name
                    + " failed: " + e.getMessage(), e);
        }
    }

    static String bind(String template, Map<String, ?> parameters, List<Object> values) {
        String withoutComments = template.replaceAll("(?m)^\\s*--.*$", "");
        Matcher matcher = PARAMETER.matcher(withoutComments);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("No value for parameter :" + name);
            }
            Object value = parameters.get(name);
            String placeholders;
            if (value instanceof Collection<?> list) {
                if (list.isEmpty()) {
                    placeholders = "NULL";
                } else {
                    values.addAll(list);
                    placeholders = String.join(", ",
                            java.util.Collections.nCopies(list.size(), "?"));
                }
            } else {
                values.add(value);
                placeholders = "?";
            }
            matcher.appendReplacement(sql, Matcher.quoteReplacement(placeholders));
        }
        matcher.appendTail(sql);
        return sql.toString();
    }

    /** A shop query that could not run; it names the query and keeps the driver's cause. */
    public static final class ShopQueryException extends RuntimeException {
        public ShopQueryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
