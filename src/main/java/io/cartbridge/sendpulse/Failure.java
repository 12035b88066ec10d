package io.cartbridge.sendpulse;

/**
 * Why a request to SendPulse did not succeed, as the error store keeps it.
 *
 * @param httpStatus the HTTP status, or null when no answer came
 * @param errorCode SendPulse's {@code error_code} or OAuth {@code error}, when the body had one
 * @param message SendPulse's message, or the exception's
 * @param responseExcerpt the first part of the answer's body, as text
 * @param exception the exception's class and message
 * @param retryable whether trying again later can succeed
 */
public record Failure(Integer httpStatus, String errorCode, String message,
                      String responseExcerpt, String exception, boolean retryable) {
}
