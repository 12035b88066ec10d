package io.cartbridge.delivery;

import java.util.List;

/** The requests one poll hands to the delivery route, and the poll's figures. */
public final class PollBatch {

    private final PollRun run;
    private final List<Delivery> deliveries;
    private final long cursor;

    public PollBatch(PollRun run, List<Delivery> deliveries, long cursor) {
        this.run = run;
        this.deliveries = deliveries;
        this.cursor = cursor;
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
