package io.cartbridge.delivery;

import java.time.Instant;

/** What the ledger knows of one item. */
public record LedgerEntry(String key, String status, String reason, Instant claimedAt) {

    public static final String CLAIMED = "claimed";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
}
