package io.cartbridge.opencart;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Where the logged-in cart poll resumes. Cart lines above {@code floor} may belong to a cart
 * that changed or had not ripened at the last poll; a cart whose newest line is older than
 * {@code ripeBefore} (store time) was already idle then, and was decided by that poll.
 *
 * <p>Kept as one number in the cursor table: the minutes from 1970-01-01 00:00 store time to
 * {@code ripeBefore}, times ten billion, plus the floor (a cart_id, below 2^32).
 */
public record CartPosition(long floor, LocalDateTime ripeBefore) {

    private static final long SPLIT = 10_000_000_000L;

    /** The position of a first start: every line, and every cart of the max-age window. */
    public static CartPosition start(LocalDateTime notBefore) {
        return new CartPosition(0, notBefore);
    }

    /** Reads a stored position; -1 (never ran) is a first start. */
    public static CartPosition decode(long value, LocalDateTime notBefore) {
        if (value < 0) {
            return start(notBefore);
        }
        LocalDateTime ripe = LocalDateTime.ofEpochSecond(value / SPLIT * 60, 0, ZoneOffset.UTC);
        return new CartPosition(value % SPLIT, ripe);
    }

    /**
     * The stored form. The detector counts idle time in whole minutes, so nothing is lost; a
     * time within a minute would be rounded down, which only widens the next read.
     */
    public long encode() {
        long minutes = ripeBefore.truncatedTo(ChronoUnit.MINUTES).toEpochSecond(ZoneOffset.UTC)
                / 60;
        return Math.max(0, minutes) * SPLIT + floor;
    }
}
