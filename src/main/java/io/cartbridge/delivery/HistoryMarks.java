package io.cartbridge.delivery;

import io.cartbridge.opencart.ShopQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Marks of how far the shop's {@code order_history} had grown at a moment, kept in the
 * service's own schema. Ids only grow, so a status change made after a mark has a higher id:
 * a look-up of changes since some moment may start at the last mark taken a day before it.
 * The day covers a store time zone changed since, and writes committed late. The first mark
 * comes with one per day of the look-back, from one read of the whole table; before a mark
 * old enough the floor is 0 and a look-up reads the whole table, as it did without marks.
 */
public final class HistoryMarks {

    /** How far before the moment asked for the mark must be. */
    static final Duration MARGIN = Duration.ofDays(1);
    /** At most one mark in this time. */
    private static final Duration SPACING = Duration.ofMinutes(10);
    /** Marks older than this are dropped: no look-up reaches that far back. */
    private static final Duration KEPT = Duration.ofDays(400);

    private final DataSource dataSource;
    private final Duration lookBack;
    private volatile Instant lastMark = Instant.MIN;

    /** @param lookBack how far back look-ups go: the max-age window and a little more */
    public HistoryMarks(DataSource dataSource, Duration lookBack) {
        this.dataSource = dataSource;
        this.lookBack = lookBack;
    }

    /** Takes a mark if the last one is older than ten minutes; the first time, a day's each. */
    public void mark(ShopQuery shop, ZoneId storeZone) {
        if (lastMark.plus(SPACING).isAfter(Instant.now())) {
            return;
        }
        if (lastMark.equals(Instant.MIN) && isEmpty()) {
            markPastDays(shop, storeZone);
        }
        long[] id = new long[1];
        LocalDateTime[] at = new LocalDateTime[1];
        shop.list("history-mark", Map.of(), row -> {
            id[0] = row.getLong("history_id");
            at[0] = row.getObject("marked_at", LocalDateTime.class);
            return null;
        });
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT IGNORE INTO sync_history_mark (marked_at, history_id)"
                             + " VALUES (?, ?)");
             PreparedStatement purge = connection.prepareStatement(
                     "DELETE FROM sync_history_mark WHERE marked_at < ?")) {
            insert.setObject(1, at[0]);
            insert.setLong(2, id[0]);
            insert.executeUpdate();
            purge.setObject(1, at[0].minus(KEPT));
            purge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep a history mark: " + e.getMessage(), e);
        }
        lastMark = Instant.now();
    }

    /**
     * A mark at the start of each past day: the first change dated that day, less one. Dates
     * are the store's, so the start of the day is taken in the store's zone.
     */
    private void markPastDays(ShopQuery shop, ZoneId storeZone) {
        LocalDateTime since = LocalDateTime.ofInstant(Instant.now().minus(lookBack).minus(MARGIN),
                storeZone).toLocalDate().atStartOfDay();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT IGNORE INTO sync_history_mark (marked_at, history_id)"
                             + " VALUES (?, ?)")) {
            for (long[] day : shop.list("history-days", Map.of("since", since), row -> new long[] {
                    row.getObject("day", LocalDate.class).atStartOfDay(storeZone).toInstant()
                            .toEpochMilli(), row.getLong("first_id") - 1})) {
                insert.setObject(1, LocalDateTime.ofInstant(Instant.ofEpochMilli(day[0]),
                        ZoneOffset.UTC));
                insert.setLong(2, day[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep the history marks: " + e.getMessage(), e);
        }
    }

    private boolean isEmpty() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT 1 FROM sync_history_mark LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return !row.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the history marks: " + e.getMessage(),
                    e);
        }
    }

    /** An id below every status change made at or after the given moment, or 0. */
    public long floor(Instant since) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT history_id FROM sync_history_mark WHERE marked_at <= ?"
                             + " ORDER BY marked_at DESC LIMIT 1")) {
            query.setObject(1, LocalDateTime.ofInstant(since.minus(MARGIN), ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the history marks: " + e.getMessage(),
                    e);
        }
    }
}
