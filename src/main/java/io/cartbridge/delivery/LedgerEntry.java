package io.cartbridge.delivery;

import java.time.Instant;

/**
 * What the ledger knows of one item.
 *
 * @param claimedBy the instance that holds the claim, or null for a claim of an older version
 */
public record LedgerEntry(String key, String status, String reason, Instant claimedAt,
                          String claimedBy) {

    public static final String CLAIMED = "claimed";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
}
