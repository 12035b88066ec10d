package io.cartbridge.sendpulse;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces the requests of one SendPulse account evenly, so that every route together stays
 * within the account's requests per second.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    public RateLimiter(double permitsPerSecond) {
        if (permitsPerSecond <= 0) {
            throw new IllegalStateException("Setting sendpulse.rate-limit must be above 0");
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
    }

    /**
     * Holds every sender back for a while, after SendPulse said the account went over its
     * limit; requests resume at the configured pace afterwards.
     */
    public synchronized void pause(java.time.Duration pause) {
        nextSlot = Math.max(nextSlot, System.nanoTime() + pause.toNanos());
    }

    /** Waits for the next free slot; returns the nanoseconds waited. */
    public long acquire() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long waited = slot - System.nanoTime();
        while (slot - System.nanoTime() > 0) {
            LockSupport.parkNanos(slot - System.nanoTime());
        }
        return Math.max(0, waited);
    }
}
