package io.cartbridge.opencart;

/**
 * A detected item whose event could not be built from the shop's rows, with what went wrong.
 * It is kept in the error store; the rest of the poll carries on without it.
 */
public record Unbuilt(EventKind kind, String key, String email, long position, String problem) {

    /** Describes a failure to build an item: the exception's class and message. */
    public static Unbuilt of(EventKind kind, String key, String email, long position,
                             RuntimeException error) {
        String message = error.getMessage();
        return new Unbuilt(kind, key, email, position, error.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message));
    }
}
