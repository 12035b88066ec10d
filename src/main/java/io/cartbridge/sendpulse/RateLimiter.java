package io.cartbridge.sendpulse;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps every route of one SendPulse account within its requests per second. It remembers
 * when the last requests went out and lets a new one go only when fewer than the limit were
 * sent in the past second, plus a small margin for the time a request spends on the way, so
 * that the service never causes a 429 itself.
 */
public final class RateLimiter {

    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final long windowNanos;
    private final long[] sent;
    private int oldest;
    private long pausedUntil;

    public RateLimiter(double permitsPerSecond) {
        if (permitsPerSecond <= 0) {
            throw new IllegalStateException("Setting sendpulse.rate-limit must be above 0");
        }
        int permits = (int) Math.max(1, Math.floor(permitsPerSecond));
        this.windowNanos = (long) (TimeUnit.SECONDS.toNanos(1) * permits / permitsPerSecond);
        this.sent = new long[permits];
        Arrays.fill(sent, System.nanoTime() - windowNanos - MARGIN_NANOS);
        this.pausedUntil = System.nanoTime();
    }

    /** Holds every sender back for a while, after SendPulse said the account is over its limit. */
    public synchronized void pause(Duration pause) {
        pausedUntil = Math.max(pausedUntil, System.nanoTime() + pause.toNanos());
    }

    /** Waits until a request may go out; returns the nanoseconds waited. */
    public long acquire() {
        long start = System.nanoTime();
        while (true) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long allowedAt = Math.max(pausedUntil, sent[oldest] + windowNanos + MARGIN_NANOS);
                wait = allowedAt - now;
                if (wait <= 0) {
                    sent[oldest] = now;
                    oldest = (oldest + 1) % sent.length;
                    return now - start;
                }
            }
            LockSupport.parkNanos(wait);
        }
    }
}
