package io.cartbridge.delivery;

import io.cartbridge.opencart.EventKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<Gathering> gatherings = new CopyOnWriteArrayList<>();

    /** @param listener told of every recorded run, e.g. to update the metrics */
    public RunHistory(DataSource dataSource, Clock clock, Consumer<PollRun> listener) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.listener = listener;
    }

    public void record(PollRun run) {
        long millis = Duration.between(run.started(), clock.instant()).toMillis();
        LOG.info("{} in {} ms", run.summary(), millis);
        gatherings.forEach(gathering -> gathering.offer(run));
        synchronized (recent) {
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
                             + " skipped, failed, skip_reasons, error)"
                             + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            String error = run.readError();
            insert.setString(9, error == null || error.length() <= 1024 ? error
                    : error.substring(0, 1024));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Cannot write the run history of {}: {}", run.kind().detector(),
                    e.getMessage());
        }
        // The metrics read the service database too; when it fails, the poll has still ended.
        try {
            listener.accept(run);
        } catch (RuntimeException e) {
            LOG.warn("Cannot update the metrics of {}: {}", run.kind().detector(),
                    e.getMessage());
        }
    }

    /** The latest runs, newest first. */
    public List<PollRun> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /**
     * Starts gathering the runs of one detector, however many pages a cycle takes; the recent
     * list keeps only the last few hundred.
     */
    public Gathering gather(EventKind kind) {
        Gathering gathering = new Gathering(kind);
        gatherings.add(gathering);
        return gathering;
    }

    /** The runs of one detector recorded while it is open, oldest first. */
    public final class Gathering implements AutoCloseable {
        private final EventKind kind;
        private final List<PollRun> runs = new ArrayList<>();

        private Gathering(EventKind kind) {
            this.kind = kind;
        }

        private synchronized void offer(PollRun run) {
            if (run.kind() == kind) {
                runs.add(run);
            }
        }

        public synchronized List<PollRun> runs() {
            return List.copyOf(runs);
        }

        @Override
        public void close() {
            gatherings.remove(this);
        }
    }
}
