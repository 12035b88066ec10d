package io.cartbridge.opencart;

/** A detected item that will not be sent, and why. */
public record Skip(EventKind kind, String key, String email, SkipReason reason, long position) {
}
