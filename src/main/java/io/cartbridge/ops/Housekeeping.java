package io.cartbridge.ops;

import io.cartbridge.delivery.DryRunWriter;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.delivery.Recoveries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily chores: report the sales that recovery mail brought back in the last day, and
 * remove personal data the service no longer needs (error-store entries and dry-run lines
 * older than the retention period).
 */
public final class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ErrorStore errors;
    private final DryRunWriter dryRun;
    private final Recoveries recoveries;
    private final Duration retention;
    private final Clock clock;

    public Housekeeping(ErrorStore errors, DryRunWriter dryRun, Recoveries recoveries,
                        Duration retention, Clock clock) {
        this.errors = errors;
        this.dryRun = dryRun;
        this.recoveries = recoveries;
        this.retention = retention;
        this.clock = clock;
    }

    public void purge() {
        String recovered = recoveries.figures(clock.instant().minus(Duration.ofDays(1))).stream()
                .map(Recoveries.Figure::toString).collect(Collectors.joining("; "));
        LOG.info("Recovered in the last 24 hours: {}", recovered.isEmpty() ? "none" : recovered);
        Instant before = clock.instant().minus(retention);
        int entries = errors.purge(before);
        int lines = dryRun.purge(before);
        LOG.info("Housekeeping: removed {} error-store entries and {} dry-run lines older than"
                + " {} days", entries, lines, retention.toDays());
    }
}
