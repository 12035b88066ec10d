package io.cartbridge.delivery;

import java.util.List;

/** The requests one poll hands to the delivery route, and the poll's figures. */
public final class PollBatch {

    private final PollRun run;
    private final List<Delivery> deliveries;
    private final long cursor;
    private final boolean more;
    private volatile boolean moved;

    public PollBatch(PollRun run, List<Delivery> deliveries, long cursor, boolean more) {
        this.run = run;
        this.deliveries = deliveries;
        this.cursor = cursor;
        this.more = more;
    }

    /**
     * Whether the detector should poll again at once: more rows wait and this poll moved the
     * cursor (a poll held back by an unrecorded failure, or by an item another instance holds,
     * waits for the next schedule).
     */
    public boolean isMore() {
        return more && moved;
    }

    void moved() {
        this.moved = true;
    }

    public PollRun getRun() {
        return run;
    }

    public List<Delivery> getDeliveries() {
        return deliveries;
    }

    /** The cursor the detector reached; the poll saves it only as far as is safe. */
    public long getCursor() {
        return cursor;
    }
}
