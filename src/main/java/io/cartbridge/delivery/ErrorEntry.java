package io.cartbridge.delivery;

import java.time.Instant;

/** One entry of the error store: an item that could not be delivered, and why. */
public record ErrorEntry(long id, String key, String kind, String endpoint, String requestBody,
                         Integer httpStatus, String errorCode, String errorMessage,
                         String responseExcerpt, String exception, int attempts,
                         Instant firstFailedAt, Instant lastFailedAt, int replayCount,
                         String state) {

    public static final String FAILED = "failed";
    public static final String REPLAYED = "replayed";
    public static final String DELIVERED = "delivered";
    public static final String DISCARDED = "discarded";
}
