package io.cartbridge.opencart;

/** The three kinds of shop activity that become SendPulse events. */
public enum EventKind {
    CART("abandoned-carts", "cart", "abandoned_cart"),
    CHECKOUT("abandoned-checkouts", "checkout", "abandoned_checkout"),
    PURCHASE("purchases", "purchase", "purchase");

    private final String detector;
    private final String keyPrefix;
    private final String defaultEvent;

    EventKind(String detector, String keyPrefix, String defaultEvent) {
        this.detector = detector;
        this.keyPrefix = keyPrefix;
        this.defaultEvent = defaultEvent;
    }

    /** The SendPulse event name used when {@code sendpulse.event.<kind>} is not set. */
    public String defaultEvent() {
        return defaultEvent;
    }

    /** The detector's name, used for its route, its logs and its run history. */
    public String detector() {
        return detector;
    }

    /** The first part of every business key of this kind, and the suffix of its settings. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public static EventKind ofDetector(String name) {
        for (EventKind kind : values()) {
            if (kind.detector.equals(name) || kind.keyPrefix.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown detector " + name);
    }
}
