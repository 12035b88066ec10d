package io.cartbridge.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running instances of the service, as the service database knows them. Each checks in
 * at a fixed interval; one that has missed two check-ins counts as gone, so that another
 * instance may take over the items it had claimed and not sent.
 */
public final class Instances {

    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);

    private final DataSource dataSource;
    private final Duration checkin;
    private final String id = UUID.randomUUID().toString();
    private final String host = host();
    private ScheduledExecutorService timer;
    private volatile boolean failing;

    /** One instance seen in the service database: where it runs, since when, last seen. */
    public record Seen(String id, String host, long pid, String startedAt, String seenAt,
                       boolean alive) {
    }

    public Instances(DataSource dataSource, Duration checkin) {
        this.dataSource = dataSource;
        this.checkin = checkin;
    }

    /** This process's instance id, kept with each of its claims. */
    public String id() {
        return id;
    }

    /** Registers this instance and checks in at every interval until {@link #stop()}. */
    public synchronized void start() {
        execute("DELETE FROM sync_instance WHERE seen_at < UTC_TIMESTAMP(3) - INTERVAL 1 DAY");
        checkIn();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "instance-checkin");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkInQuietly, checkin.toMillis(),
                checkin.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops checking in and removes this instance; its claims were given back before. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        execute("DELETE FROM sync_instance WHERE instance_id = ?", id);
    }

    /** The instances that checked in within two intervals; this one is always among them. */
    public Set<String> alive() {
        Set<String> alive = new HashSet<>();
        alive.add(id);
        for (Seen seen : seen()) {
            if (seen.alive()) {
                alive.add(seen.id());
            }
        }
        return alive;
    }

    /** Every instance the service database holds, alive or gone, oldest start first. */
    public List<Seen> seen() {
        List<Seen> seen = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT instance_id, host, pid, started_at, seen_at,"
                             + " seen_at >= UTC_TIMESTAMP(3) - INTERVAL ? MICROSECOND AS alive"
                             + " FROM sync_instance ORDER BY started_at")) {
            query.setLong(1, checkin.multipliedBy(2).toNanos() / 1000);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    seen.add(new Seen(row.getString(1), row.getString(2), row.getLong(3),
                            row.getString(4), row.getString(5), row.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new DeliveryLedger.LedgerException("Cannot read the service's instances: "
                    + e.getMessage(), e);
        }
        return seen;
    }

    private void checkIn() {
        execute("INSERT INTO sync_instance (instance_id, host, pid, started_at, seen_at)"
                + " VALUES (?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))"
                + " ON DUPLICATE KEY UPDATE seen_at = UTC_TIMESTAMP(3)", id, host,
                ProcessHandle.current().pid());
    }

    private void checkInQuietly() {
        try {
            checkIn();
            if (failing) {
                failing = false;
                LOG.info("This instance checks in with the service database again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("This instance cannot check in with the service database; after two"
                        + " missed check-ins another instance may take over its claims: {}",
                        e.getMessage());
            }
        }
    }

    private void execute(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DeliveryLedger.LedgerException("Cannot record this instance: "
                    + e.getMessage(), e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
