package io.cartbridge.delivery;

import io.cartbridge.opencart.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The figures of one poll of one detector. Every item it found ends as sent, skipped (with a
 * reason) or failed, so that the counts add up.
 */
public final class PollRun {

    private final EventKind kind;
    private final Instant started;
    private final boolean dryRun;
    private final AtomicInteger found = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, AtomicInteger> skipped = new ConcurrentHashMap<>();
    private final AtomicLong firstHeld = new AtomicLong(Long.MAX_VALUE);
    private volatile String readError;

    /** Skip reason of an item that another poll or instance has claimed and not sent yet. */
    public static final String CLAIMED_ELSEWHERE = "claimed by another poll";

    public PollRun(EventKind kind, Instant started, boolean dryRun) {
        this.kind = kind;
        this.started = started;
        this.dryRun = dryRun;
    }

    /** One run with the figures of several polls of a detector, e.g. the pages of one cycle. */
    public static PollRun combined(EventKind kind, List<PollRun> runs) {
        PollRun all = new PollRun(kind, runs.isEmpty() ? Instant.now() : runs.get(0).started(),
                !runs.isEmpty() && runs.get(0).dryRun());
        for (PollRun run : runs) {
            all.found.addAndGet(run.foundCount());
            all.sent.addAndGet(run.sentCount());
            all.failed.addAndGet(run.failedCount());
            run.skippedByReason().forEach((reason, count) -> all.skipped
                    .computeIfAbsent(reason, r -> new AtomicInteger()).addAndGet(count));
            if (run.readError() != null) {
                all.readError = run.readError();
            }
        }
        return all;
    }

    public EventKind kind() {
        return kind;
    }

    public Instant started() {
        return started;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public void found(int count) {
        found.addAndGet(count);
    }

    public void sent() {
        sent.incrementAndGet();
    }

    public void failed() {
        failed.incrementAndGet();
    }

    public void skipped(String reason) {
        skipped.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * A failure that could not be written to the error store: the item stays unclaimed, and a
     * cursor must not move past it, so that the next poll finds it again.
     */
    public void unrecorded(long position) {
        failed.incrementAndGet();
        holdCursorAt(position);
    }

    /**
     * An item that another poll or instance holds a claim on: it is counted as skipped, and a
     * cursor must not move past it, so that the item is read again should that holder die
     * before it is sent.
     */
    public void claimedElsewhere(long position) {
        skipped(CLAIMED_ELSEWHERE);
        holdCursorAt(position);
    }

    private void holdCursorAt(long position) {
        if (position > 0) {
            firstHeld.accumulateAndGet(position, Math::min);
        }
    }

    public int foundCount() {
        return found.get();
    }

    public int sentCount() {
        return sent.get();
    }

    public int failedCount() {
        return failed.get();
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public Map<String, Integer> skippedByReason() {
        return skipped.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().get(), Integer::sum, TreeMap::new));
    }

    /**
     * The cursor a detector may move to: never past an item whose failure was not recorded, nor
     * past one that another poll or instance holds.
     */
    public long safeCursor(long detected) {
        long hold = firstHeld.get();
        return hold == Long.MAX_VALUE ? detected : Math.min(detected, hold - 1);
    }

    /** The poll could not read the shop; nothing was found, and the cursor stays. */
    public void readFailed(String message) {
        readError = message;
    }

    /** Why the poll could not read the shop, or null when it could. */
    public String readError() {
        return readError;
    }

    /** One line, e.g. {@code purchases: found 12, sent 11, skipped 1 (no email), failed 0}. */
    public String summary() {
        String reasons = skippedByReason().entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
        if (readError != null) {
            return kind.detector() + ": could not read the shop: " + readError;
        }
        return kind.detector() + ": found " + foundCount() + ", "
                + (dryRun ? "would send " : "sent ") + sentCount() + ", skipped " + skippedCount()
                + (reasons.isEmpty() ? "" : " (" + reasons + ")") + ", failed " + failedCount();
    }
}
