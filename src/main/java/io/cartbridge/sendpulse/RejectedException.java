package io.cartbridge.sendpulse;

/** SendPulse answered 2xx but said {@code "result": false}: the event was not accepted. */
public final class RejectedException extends RuntimeException {

    private final int status;
    private final String body;

    public RejectedException(int status, String body) {
        super("SendPulse answered HTTP " + status + " with result false");
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
