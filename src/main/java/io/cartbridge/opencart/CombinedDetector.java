package io.cartbridge.opencart;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Several detectors of one kind polled as one, e.g. logged-in and guest carts. The first part
 * owns the cursor: it gets the stored one and says where the next poll resumes.
 */
public final class CombinedDetector implements Detector {

    private final EventKind kind;
    private final List<Detector> parts;

    public CombinedDetector(EventKind kind, List<Detector> parts) {
        this.kind = kind;
        this.parts = List.copyOf(parts);
    }

    @Override
    public EventKind kind() {
        return kind;
    }

    @Override
    public Detection detect(ShopSnapshot shop, LocalDateTime now, long cursor) {
        List<ShopEvent> events = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        List<Unbuilt> unbuilt = new ArrayList<>();
        long next = cursor;
        for (Detector part : parts) {
            Detection detection = part.detect(shop, now, cursor);
            events.addAll(detection.events());
            skips.addAll(detection.skips());
            unbuilt.addAll(detection.unbuilt());
            if (part == parts.get(0)) {
                next = detection.cursor();
            }
        }
        return new Detection(kind, events, skips, unbuilt, next, false);
    }
}
