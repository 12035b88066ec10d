package io.cartbridge.delivery;

import io.cartbridge.opencart.Unbuilt;
import io.cartbridge.sendpulse.Failure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps every item that SendPulse refused or that failed after its last retry, with the full
 * request body, so that nothing is lost and an operator can replay it. The entry and the
 * ledger's "failed" mark are written in one transaction.
 */
public final class ErrorStore {

    private static final int TEXT_LIMIT = 4000;
    /** The endpoint of an entry whose event was never built, so never sent. */
    public static final String UNBUILT = "not built";

    private final DataSource dataSource;
    private final DeliveryLedger ledger;

    public ErrorStore(DataSource dataSource, DeliveryLedger ledger) {
        this.dataSource = dataSource;
        this.ledger = ledger;
    }

    /**
     * Stores the failure; throws when it cannot, so that the caller keeps the item open. One
     * upsert instead of an update and an insert, so that two failures stored at once cannot
     * lock each other out; a deadlock the database still reports is tried again.
     */
    public void record(Delivery delivery, String endpoint, Failure failure, int attempts) {
        for (int tries = 1; ; tries++) {
            try {
                write(delivery, endpoint, failure, attempts);
                return;
            } catch (SQLException e) {
                if (!"40001".equals(e.getSQLState()) || tries == 3) {
                    throw new IllegalStateException("Cannot write " + delivery.key()
                            + " to the error store: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Stores an item whose event could not be built from the shop's rows. Its entry has no
     * request to send again; the ledger must hold the item's claim, as for a failed delivery.
     */
    public void recordUnbuilt(Unbuilt item) {
        Delivery delivery = new Delivery(item.kind(), item.key(), UNBUILT, new byte[0],
                item.email(), item.position(), null, false, null);
        record(delivery, UNBUILT, new Failure(null, null,
                "Cannot be built from the shop's data: " + item.problem(), null, item.problem(),
                false), 1);
    }

    private void write(Delivery delivery, String endpoint, Failure failure, int attempts)
            throws SQLException {
        LocalDateTime now = ledger.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO sync_error (endpoint, request_body, http_status, error_code,"
                                + " error_message, response_excerpt, exception, attempts,"
                                + " first_failed_at, last_failed_at, item_key, kind, state)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'failed')"
                                + " ON DUPLICATE KEY UPDATE endpoint = VALUES(endpoint),"
                                + " request_body = VALUES(request_body),"
                                + " http_status = VALUES(http_status),"
                                + " error_code = VALUES(error_code),"
                                + " error_message = VALUES(error_message),"
                                + " response_excerpt = VALUES(response_excerpt),"
                                + " exception = VALUES(exception),"
                                + " attempts = attempts + VALUES(attempts),"
                                + " last_failed_at = VALUES(last_failed_at), state = 'failed'")) {
                    bindFailure(upsert, 1, delivery, endpoint, failure, attempts);
                    upsert.setObject(9, now);
                    upsert.setObject(10, now);
                    upsert.setString(11, delivery.key());
                    upsert.setString(12, delivery.kind().keyPrefix());
                    upsert.executeUpdate();
                }
                ledger.markFailed(connection, delivery.key());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The entries in the given state, oldest first. */
    public List<ErrorEntry> entries(String state) {
        return select("SELECT * FROM sync_error WHERE state = ? ORDER BY error_id", state);
    }

    /** The failed entries of one kind (cart, checkout or purchase), oldest first. */
    public List<ErrorEntry> failed(String kind) {
        return select("SELECT * FROM sync_error WHERE state = 'failed' AND kind = ?"
                + " ORDER BY error_id", kind);
    }

    public Optional<ErrorEntry> entry(long id) {
        return select("SELECT * FROM sync_error WHERE error_id = ?", id).stream().findFirst();
    }

    public long count(String state) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM sync_error WHERE state = ?")) {
            query.setString(1, state);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the error store: " + e.getMessage(), e);
        }
    }

    /** Removes entries, in any state, whose last failure is older than the given time. */
    public int purge(java.time.Instant before) {
        return execute("DELETE FROM sync_error WHERE last_failed_at < ?",
                LocalDateTime.ofInstant(before, ZoneOffset.UTC));
    }

    /** Counts a replay of a failed entry and marks it as being replayed. */
    public void startReplay(long id) {
        execute("UPDATE sync_error SET replay_count = replay_count + 1, state = 'replayed'"
                + " WHERE error_id = ? AND state = 'failed'", id);
    }

    /** Puts an entry whose replay could not start back among the failed ones. */
    public void abandonReplay(long id) {
        execute("UPDATE sync_error SET state = 'failed' WHERE error_id = ? AND state = 'replayed'",
                id);
    }

    public void markDelivered(String key) {
        execute("UPDATE sync_error SET state = 'delivered' WHERE item_key = ?", key);
    }

    /** Gives up an entry for good; the item is never sent, and the ledger keeps it failed. */
    public boolean discard(long id) {
        return execute("UPDATE sync_error SET state = 'discarded' WHERE error_id = ?"
                + " AND state = 'failed'", id) == 1;
    }

    private int execute(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the error store: " + e.getMessage(), e);
        }
    }

    private List<ErrorEntry> select(String sql, Object... values) {
        List<ErrorEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(new ErrorEntry(row.getLong("error_id"), row.getString("item_key"),
                            row.getString("kind"), row.getString("endpoint"),
                            row.getString("request_body"), (Integer) row.getObject("http_status"),
                            row.getString("error_code"), row.getString("error_message"),
                            row.getString("response_excerpt"), row.getString("exception"),
                            row.getInt("attempts"), instant(row, "first_failed_at"),
                            instant(row, "last_failed_at"), row.getInt("replay_count"),
                            row.getString("state")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the error store: " + e.getMessage(), e);
        }
        return entries;
    }

    private static void bindFailure(PreparedStatement statement, int first, Delivery delivery,
                                    String endpoint, Failure failure, int attempts)
            throws SQLException {
        statement.setString(first, endpoint);
        statement.setString(first + 1, new String(delivery.body(), StandardCharsets.UTF_8));
        statement.setObject(first + 2, failure.httpStatus());
        statement.setString(first + 3, cut(failure.errorCode(), 64));
        statement.setString(first + 4, cut(failure.message(), 1024));
        statement.setString(first + 5, cut(failure.responseExcerpt(), TEXT_LIMIT));
        statement.setString(first + 6, cut(failure.exception(), TEXT_LIMIT));
        statement.setInt(first + 7, attempts);
    }

    private static java.time.Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
