package io.cartbridge.ops;

import io.cartbridge.delivery.DryRunWriter;
import io.cartbridge.delivery.ErrorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes personal data the service no longer needs: error-store entries and dry-run lines
 * older than the retention period.
 */
public final class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ErrorStore errors;
    private final DryRunWriter dryRun;
    private final Duration retention;
    private final Clock clock;

    public Housekeeping(ErrorStore errors, DryRunWriter dryRun, Duration retention, Clock clock) {
        this.errors = errors;
        this.dryRun = dryRun;
        this.retention = retention;
        this.clock = clock;
    }

    public void purge() {
        Instant before = clock.instant().minus(retention);
        int entries = errors.purge(before);
        int lines = dryRun.purge(before);
        LOG.info("Housekeeping: removed {} error-store entries and {} dry-run lines older than"
                + " {} days", entries, lines, retention.toDays());
    }
}
