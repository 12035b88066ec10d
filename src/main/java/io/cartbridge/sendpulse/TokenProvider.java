package io.cartbridge.sendpulse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of one SendPulse account. An OAuth token is fetched with the client
 * credentials, kept in memory only, and renewed a margin before it expires; one caller fetches
 * while the others wait. A failed fetch leaves nothing behind, so the next call simply tries
 * again. Rejected credentials stop fetching for a pause instead of hammering the endpoint.
 */
public final class TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private record Token(String value, Instant renewAt) {
    }

    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final String apiKey;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration rejectionPause;
    private final Clock clock;
    private final ReentrantLock refresh = new ReentrantLock();
    private volatile Token current;
    private volatile Instant rejectedUntil = Instant.MIN;
    private volatile String rejection;

    private TokenProvider(String apiUrl, String clientId, String clientSecret, String apiKey,
                          Duration connectTimeout, Duration timeout, Duration rejectionPause,
                          Clock clock) {
        this.tokenUri = URI.create(apiUrl.replaceAll("/+$", "") + "/oauth/access_token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.timeout = timeout;
        this.rejectionPause = rejectionPause;
        this.clock = clock;
    }

    public static TokenProvider oauth(String apiUrl, String clientId, String clientSecret,
                                      Duration connectTimeout, Duration timeout,
                                      Duration rejectionPause, Clock clock) {
        return new TokenProvider(apiUrl, clientId, clientSecret, null, connectTimeout, timeout,
                rejectionPause, clock);
    }

    /** A static API key: sent as the bearer token, never refreshed. */
    public static TokenProvider apiKey(String apiKey) {
        return new TokenProvider("http://unused", null, null, apiKey, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO, Clock.systemUTC());
    }

    public boolean usesApiKey() {
        return apiKey != null;
    }

    /** A valid token, fetched if the one in memory is missing or about to expire. */
    public String token() {
        if (apiKey != null) {
            return apiKey;
        }
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        refresh.lock();
        try {
            token = current;
            if (token != null && clock.instant().isBefore(token.renewAt())) {
                return token.value();
            }
            if (clock.instant().isBefore(rejectedUntil)) {
                throw new InvalidCredentialsException(rejection);
            }
            current = fetch();
            return current.value();
        } finally {
            refresh.unlock();
        }
    }

    /**
     * Drops a token that SendPulse refused. Only that token: one that another thread has
     * already renewed is kept.
     */
    public void invalidate(String refused) {
        if (apiKey != null) {
            throw new InvalidCredentialsException("SendPulse refused the API key: check"
                    + " sendpulse.api-key (environment SENDPULSE_API_KEY)");
        }
        refresh.lock();
        try {
            Token token = current;
            if (token != null && token.value().equals(refused)) {
                current = null;
            }
        } finally {
            refresh.unlock();
        }
    }

    private Token fetch() {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("grant_type", "client_credentials",
                    "client_id", clientId, "client_secret", clientSecret));
        } catch (IOException e) {
            throw new TokenUnavailableException("Cannot write the token request", e);
        }
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TokenUnavailableException("The SendPulse token endpoint did not answer: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("Interrupted while fetching a token", e);
        }
        JsonNode json = parse(response.body());
        if (json != null && "invalid_client".equals(json.path("error").asText())) {
            rejection = "SendPulse rejected the OAuth client (invalid_client): check"
                    + " sendpulse.client-id and sendpulse.client-secret (environment"
                    + " SENDPULSE_CLIENT_ID and SENDPULSE_CLIENT_SECRET)";
            rejectedUntil = clock.instant().plus(rejectionPause);
            LOG.error("{}; no token is asked for again before {}", rejection, rejectedUntil);
            throw new InvalidCredentialsException(rejection);
        }
        if (response.statusCode() != 200 || json == null
                || json.path("access_token").asText("").isEmpty()
                || !json.path("expires_in").isNumber()) {
            throw new TokenUnavailableException("The SendPulse token endpoint answered HTTP "
                    + response.statusCode() + " without a usable token", null);
        }
        long lifetime = json.path("expires_in").asLong();
        Duration early = Duration.ofSeconds(Math.min(REFRESH_MARGIN.getSeconds(), lifetime / 10));
        Instant renewAt = clock.instant().plusSeconds(lifetime).minus(early);
        LOG.debug("Obtained a SendPulse token valid for {} s", lifetime);
        return new Token(json.path("access_token").asText(), renewAt);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** No token could be had now; a later attempt may succeed. */
    public static final class TokenUnavailableException extends RuntimeException {
        public TokenUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** SendPulse refused the configured credentials; retrying cannot help. */
    public static final class InvalidCredentialsException extends RuntimeException {
        public InvalidCredentialsException(String message) {
            super(message);
        }
    }
}
