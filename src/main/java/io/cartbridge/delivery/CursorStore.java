package io.cartbridge.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Where each cursor-driven detector resumes; -1 means it has never run. */
public final class CursorStore {

    private final DataSource dataSource;
    private final Clock clock;

    public CursorStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public long position(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT position FROM sync_cursor WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read cursor " + name + ": " + e.getMessage(),
                    e);
        }
    }

    public void save(String name, long position) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO sync_cursor (name, position, updated_at) VALUES (?, ?, ?)"
                             + " ON DUPLICATE KEY UPDATE position = ?, updated_at = ?")) {
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            upsert.setString(1, name);
            upsert.setLong(2, position);
            upsert.setObject(3, now);
            upsert.setLong(4, position);
            upsert.setObject(5, now);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save cursor " + name + ": " + e.getMessage(),
                    e);
        }
    }
}
