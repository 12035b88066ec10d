package io.cartbridge.ops;

import io.cartbridge.delivery.ContactBackfill;
import io.cartbridge.delivery.ErrorEntry;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.delivery.Instances;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.delivery.Recoveries;
import io.cartbridge.delivery.Replayer;
import io.cartbridge.delivery.RunHistory;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's operations MBean, registered while the Camel context runs. */
public final class SyncOperations implements SyncOperationsMBean {

    private static final Logger LOG = LoggerFactory.getLogger(SyncOperations.class);

    private final ErrorStore errors;
    private final Replayer replayer;
    private final RunHistory history;
    private final Recoveries recoveries;
    private final ContactBackfill backfill;
    private final Instances instances;
    private final String credentials;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cartbridge-backfill");
        thread.setDaemon(true);
        return thread;
    });

    public SyncOperations(ErrorStore errors, Replayer replayer, RunHistory history,
                          Recoveries recoveries, ContactBackfill backfill, Instances instances,
                          String credentials) {
        this.errors = errors;
        this.replayer = replayer;
        this.history = history;
        this.recoveries = recoveries;
        this.backfill = backfill;
        this.instances = instances;
        this.credentials = credentials;
    }

    /** The name under which an instance of the service registers, one per Camel context. */
    public static ObjectName objectName(String contextName) {
        try {
            return new ObjectName("io.cartbridge:type=operations,context="
                    + ObjectName.quote(contextName));
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void register(String contextName) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(new StandardMBean(this, SyncOperationsMBean.class),
                    objectName(contextName));
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register the operations MBean", e);
        }
    }

    public void unregister(String contextName) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName(contextName));
        } catch (JMException e) {
            LOG.debug("The operations MBean was not registered: {}", e.getMessage());
        }
    }

    @Override
    public long getFailedCount() {
        return countFailed();
    }

    @Override
    public String[] getLastRuns() {
        return history.recent().stream().map(PollRun::summary).toArray(String[]::new);
    }

    @Override
    public String[] getRecoveries() {
        return recoveries.figures(java.time.Instant.EPOCH).stream()
                .map(Recoveries.Figure::toString).toArray(String[]::new);
    }

    @Override
    public String[] getInstances() {
        return instances.seen().stream()
                .map(seen -> seen.host() + " pid " + seen.pid() + ", started " + seen.startedAt()
                        + " UTC, last check-in " + seen.seenAt() + " UTC, "
                        + (seen.alive() ? "alive" : "gone")
                        + (seen.id().equals(instances.id()) ? " (this instance)" : ""))
                .toArray(String[]::new);
    }

    @Override
    public String getSendPulseCredentials() {
        return credentials;
    }

    @Override
    public String[] listFailed() {
        return errors.entries(ErrorEntry.FAILED).stream()
                .map(entry -> entry.id() + " " + entry.key() + " HTTP "
                        + (entry.httpStatus() == null ? "-" : entry.httpStatus())
                        + (entry.errorCode() == null ? "" : " code " + entry.errorCode())
                        + ": " + entry.errorMessage() + " (" + entry.attempts() + " attempts, last "
                        + entry.lastFailedAt() + ", replays " + entry.replayCount() + ")")
                .toArray(String[]::new);
    }

    @Override
    public long countFailed() {
        return errors.count(ErrorEntry.FAILED);
    }

    @Override
    public String replay(long errorId) {
        String outcome = replayer.replay(errorId);
        LOG.info("JMX replay: {}", outcome);
        return outcome;
    }

    @Override
    public String replayAll(String kind) {
        List<String> kinds = Replayer.kinds(kind == null ? "all" : kind);
        if (kinds.isEmpty()) {
            return "Nothing replayed: the kind is cart, checkout, purchase or all, not '" + kind
                    + "'";
        }
        String outcome = kinds.stream().map(replayer::replayAll)
                .collect(java.util.stream.Collectors.joining("; "));
        LOG.info("JMX replay: {}", outcome);
        return outcome;
    }

    @Override
    public String backfillContacts(String from, String to) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (start != null && end != null && start.isAfter(end)) {
            return "Not started: the first date " + start + " is after the last date " + end;
        }
        background.submit(() -> {
            try {
                backfill.run(start, end);
            } catch (RuntimeException e) {
                LOG.error("Backfill: {}", e.getMessage());
            }
        });
        return "Backfill started; see BackfillStatus";
    }

    @Override
    public String getBackfillStatus() {
        return backfill.status();
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    }

    @Override
    public String discard(long errorId) {
        String outcome = errors.discard(errorId) ? "Entry " + errorId + " discarded"
                : "Entry " + errorId + " is not failed; nothing discarded";
        LOG.info("JMX discard: {}", outcome);
        return outcome;
    }
}
