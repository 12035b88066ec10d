package io.cartbridge.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records every poll: one row in the service's run table and one INFO line. */
public final class RunHistory {

    private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);
    private static final int KEPT = 500;

    private final DataSource dataSource;
    private final Clock clock;
    private final Consumer<PollRun> listener;
    private final Deque<PollRun> recent = new ArrayDeque<>();
    private int recorded;

    /** @param listener told of every recorded run, e.g. to update the metrics */
    public RunHistory(DataSource dataSource, Clock clock, Consumer<PollRun> listener) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.listener = listener;
    }

    public void record(PollRun run) {
        long millis = Duration.between(run.started(), clock.instant()).toMillis();
        LOG.info("{} in {} ms", run.summary(), millis);
        synchronized (recent) {
            recorded++;
            recent.addFirst(run);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        if (run.dryRun()) {
            listener.accept(run);
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sync_run (detector, started_at, duration_ms, found, sent,"
                             + " skipped, failed, skip_reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, run.kind().detector());
            insert.setObject(2, LocalDateTime.ofInstant(run.started(), ZoneOffset.UTC));
            insert.setLong(3, millis);
            insert.setInt(4, run.foundCount());
            insert.setInt(5, run.sentCount());
            insert.setInt(6, run.skippedCount());
            insert.setInt(7, run.failedCount());
            insert.setString(8, run.skippedByReason().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(", ")));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Cannot write the run history of {}: {}", run.kind().detector(),
                    e.getMessage());
        }
        listener.accept(run);
    }

    /** The latest runs, newest first. */
    public List<PollRun> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** How many runs were recorded since the service started. */
    public int recordedCount() {
        synchronized (recent) {
            return recorded;
        }
    }

    /** The runs recorded after the given count, oldest first (as far as they are kept). */
    public List<PollRun> recordedSince(int count) {
        synchronized (recent) {
            List<PollRun> newest = new ArrayList<>(recent).subList(0,
                    Math.min(recent.size(), recorded - count));
            List<PollRun> oldestFirst = new ArrayList<>(newest);
            Collections.reverse(oldestFirst);
            return oldestFirst;
        }
    }
}
