package io.cartbridge.sendpulse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed call means: retry it (connection errors, timeouts, 429 and 5xx), renew
 * the token once (401), or give up and keep it in the error store (every other answer). The
 * route's redelivery policy asks {@link #shouldRetry} after each failure.
 */
public final class FailureClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(FailureClassifier.class);

    /** Exchange property: the token SendPulse refused, to be dropped before the next attempt. */
    public static final String REFUSED_TOKEN = "CartbridgeRefusedToken";
    /** Exchange property: how many calls were made for this item. */
    public static final String ATTEMPTS = "CartbridgeAttempts";

    private static final String TOKEN_RENEWED = "CartbridgeTokenRenewed";
    private static final String FIRST_FAILURE = "CartbridgeFirstFailure";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 2000;

    private static final Duration RATE_LIMIT_PAUSE = Duration.ofMillis(200);

    private final int maxAttempts;
    private final Duration rateLimitBudget;
    private final RateLimiter limiter;
    private final Clock clock;

    /**
     * @param maxAttempts calls per item for connection errors, timeouts and 5xx
     * @param rateLimitBudget how long 429 answers are retried, however many calls that takes
     * @param limiter the account's limiter, paused when SendPulse answers 429
     */
    public FailureClassifier(int maxAttempts, Duration rateLimitBudget, RateLimiter limiter,
                             Clock clock) {
        this.maxAttempts = maxAttempts;
        this.rateLimitBudget = rateLimitBudget;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Whether the failed call in this exchange should be made again. A call that will be made
     * again is logged here, at WARN, in one line; one that will not is left to the error store.
     */
    public boolean shouldRetry(Exchange exchange) {
        boolean retry = decide(exchange);
        if (retry) {
            Throwable error = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            Failure failure = describe(error);
            LOG.warn("POST {} failed ({}), attempt {}; trying again",
                    exchange.getProperty(SendPulseAuth.PATH),
                    failure.httpStatus() == null ? failure.message()
                            : "HTTP " + failure.httpStatus(),
                    exchange.getProperty(ATTEMPTS, 1, Integer.class));
        }
        return retry;
    }

    private boolean decide(Exchange exchange) {
        Throwable error = exchange.getException();
        if (error == null) {
            error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        Instant firstFailure = exchange.getProperty(FIRST_FAILURE, Instant.class);
        if (firstFailure == null) {
            firstFailure = clock.instant();
            exchange.setProperty(FIRST_FAILURE, firstFailure);
        }
        Integer status = status(error);
        if (status != null && status == 401) {
            if (exchange.getProperty(TOKEN_RENEWED, false, Boolean.class)) {
                return false;
            }
            exchange.setProperty(TOKEN_RENEWED, true);
            exchange.setProperty(REFUSED_TOKEN, bearer(exchange));
            return true;
        }
        if (!describe(error).retryable()) {
            return false;
        }
        if (exchange.getContext().isStopping()) {
            // The service is stopping: the item is given back for the next start instead.
            return false;
        }
        if (status != null && status == 429) {
            limiter.pause(RATE_LIMIT_PAUSE);
            return clock.instant().isBefore(firstFailure.plus(rateLimitBudget));
        }
        return exchange.getProperty(ATTEMPTS, 1, Integer.class) < maxAttempts;
    }

    /** What the error store keeps of a failure. Never fails, whatever the answer's body. */
    public Failure describe(Throwable error) {
        if (error instanceof HttpOperationFailedException http) {
            String body = http.getResponseBody();
            JsonNode json = parse(body);
            int status = http.getStatusCode();
            return new Failure(status, code(json), message(json, http.getStatusText()),
                    excerpt(body), summary(error),
                    status == 429 || status == 408 || status >= 500);
        }
        if (error instanceof RejectedException rejected) {
            JsonNode json = parse(rejected.body());
            return new Failure(rejected.status(), code(json),
                    message(json, rejected.getMessage()), excerpt(rejected.body()),
                    summary(error), false);
        }
        if (error instanceof TokenProvider.InvalidCredentialsException) {
            return new Failure(401, "invalid_client", error.getMessage(), null, summary(error),
                    false);
        }
        if (error instanceof TokenProvider.TokenUnavailableException) {
            return new Failure(null, null, error.getMessage(), null, summary(error), true);
        }
        boolean io = false;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            io |= cause instanceof IOException;
        }
        return new Failure(null, null, error == null ? "unknown" : error.getMessage(), null,
                summary(error), io);
    }

    private static Integer status(Throwable error) {
        if (error instanceof HttpOperationFailedException http) {
            return http.getStatusCode();
        }
        return null;
    }

    private static String bearer(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String code(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode code = json.has("error_code") ? json.get("error_code") : json.get("error");
        return code == null || code.isNull() ? null : code.asText();
    }

    private static String message(JsonNode json, String fallback) {
        if (json != null) {
            for (String field : new String[] {"message", "error_description"}) {
                if (json.hasNonNull(field)) {
                    return json.get(field).asText();
                }
            }
        }
        return fallback;
    }

    private static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT);
    }

    private static String summary(Throwable error) {
        return error == null ? null : error.getClass().getName() + ": " + error.getMessage();
    }
}
