package io.cartbridge.opencart;

import java.util.List;

/**
 * What one poll of a detector found: items to send, items skipped with a reason, items whose
 * event could not be built, and, for a cursor-driven detector, the position it may move to
 * once every item is handled and whether more rows wait beyond it.
 */
public record Detection(EventKind kind, List<ShopEvent> events, List<Skip> skips,
                        List<Unbuilt> unbuilt, long cursor, boolean more) {

    public Detection(EventKind kind, List<ShopEvent> events, List<Skip> skips, long cursor,
                     boolean more) {
        this(kind, events, skips, List.of(), cursor, more);
    }

    public Detection(EventKind kind, List<ShopEvent> events, List<Skip> skips, long cursor) {
        this(kind, events, skips, List.of(), cursor, false);
    }

    public int found() {
        return events.size() + skips.size() + unbuilt.size();
    }
}
