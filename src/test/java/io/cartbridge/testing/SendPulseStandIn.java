package io.cartbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local SendPulse that enforces the contract of the REST API: OAuth client credentials with
 * expiring tokens, a bearer token on every event, a JSON object body with an email or phone,
 * and, when asked, the 10 requests per second limit. Tests script faults on top and read what
 * it accepted.
 */
public final class SendPulseStandIn implements AutoCloseable {

    public static final String CLIENT_ID = "stand-in-client";
    public static final String CLIENT_SECRET = "stand-in-secret-value";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A contact that the stand-in added to an address book. */
    public record Contact(String addressBook, String email, JsonNode variables) {
    }

    /** An event that the stand-in accepted. */
    public record Received(String event, String token, JsonNode body) {
    }

    private record Scripted(int status, String contentType, String body, int delayMillis) {
    }

    private final WireMockServer server;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Contact> contacts = new CopyOnWriteArrayList<>();
    private final AtomicInteger contactCalls = new AtomicInteger();
    private volatile int contactCallsBeforeOutage = -1;
    private final AtomicInteger eventCalls = new AtomicInteger();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final Deque<Scripted> eventScript = new ArrayDeque<>();
    private final Deque<Scripted> tokenScript = new ArrayDeque<>();
    private final Deque<Long> window = new ArrayDeque<>();
    private volatile Scripted eventFault;
    private final java.util.Set<String> rejected = ConcurrentHashMap.newKeySet();
    private volatile double random429;
    private volatile double random503;
    private final java.util.Random dice = new java.util.Random(20261203L);
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private volatile int rateLimit;
    private final AtomicInteger rateLimitRefusals = new AtomicInteger();
    private final boolean keepRequests;
    private final AtomicInteger accepted = new AtomicInteger();
    private final java.util.BitSet orders = new java.util.BitSet();
    private final AtomicInteger repeatedOrders = new AtomicInteger();
    private final AtomicInteger eventsInFlight = new AtomicInteger();
    private final AtomicInteger mostEventsInFlight = new AtomicInteger();

    public SendPulseStandIn() {
        this(true);
    }

    private SendPulseStandIn(boolean keepRequests) {
        this.keepRequests = keepRequests;
        var options = options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Contract(), new InFlight());
        server = new WireMockServer(keepRequests ? options : options.disableRequestJournal());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    }

    /**
     * A stand-in for long runs: it enforces the same contract but keeps no request, only counts
     * and the order ids it accepted, so that a million events fit in a small heap.
     */
    public static SendPulseStandIn counting() {
        return new SendPulseStandIn(false);
    }

    /** Events accepted so far, also by a counting stand-in. */
    public int acceptedCount() {
        return accepted.get();
    }

    /** Accepted events whose order_id had been accepted before. */
    public int repeatedOrders() {
        return repeatedOrders.get();
    }

    /** The most event calls that were open at the same time, from arrival to the last byte. */
    public int mostEventsInFlight() {
        return mostEventsInFlight.get();
    }

    /** Calls answered 429 because they went over the enforced rate limit. */
    public int rateLimitRefusals() {
        return rateLimitRefusals.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Events accepted so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> bodies(String event) {
        return received.stream().filter(r -> r.event().equals(event)).map(Received::body).toList();
    }

    /** Contacts added to address books so far, in arrival order. */
    public List<Contact> contacts() {
        return List.copyOf(contacts);
    }

    public int contactCalls() {
        return contactCalls.get();
    }

    /** Answers 500 to every address-book call after this many have succeeded (-1: never). */
    public SendPulseStandIn failContactsAfter(int calls) {
        this.contactCallsBeforeOutage = calls;
        return this;
    }

    public int eventCalls() {
        return eventCalls.get();
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    /** Answers the next event calls with the given status and body instead of accepting them. */
    public synchronized SendPulseStandIn failNextEvents(int count, int status, String contentType,
                                                        String body) {
        for (int i = 0; i < count; i++) {
            eventScript.add(new Scripted(status, contentType, body, 0));
        }
        return this;
    }

    /** Answers every event call this way until {@link #heal()}. */
    public SendPulseStandIn failEvents(int status, String contentType, String body) {
        eventFault = new Scripted(status, contentType, body, 0);
        return this;
    }

    /** Answers this share of event calls with 429, and this share with 503, at random. */
    public SendPulseStandIn randomFaults(double share429, double share503) {
        this.random429 = share429;
        this.random503 = share503;
        return this;
    }

    /** Answers 422 to the events of these emails, as to a body SendPulse finds badly formed. */
    public SendPulseStandIn rejectEmails(String... emails) {
        rejected.addAll(List.of(emails));
        return this;
    }

    /** Ends the lasting failure and the refusal of emails. */
    public SendPulseStandIn heal() {
        eventFault = null;
        rejected.clear();
        return this;
    }

    /** Accepts the next event calls, but answers only after the delay. */
    public synchronized SendPulseStandIn delayNextEvents(int count, int millis) {
        for (int i = 0; i < count; i++) {
            eventScript.add(new Scripted(0, null, null, millis));
        }
        return this;
    }

    public synchronized SendPulseStandIn delayNextTokenCall(int millis) {
        tokenScript.add(new Scripted(0, null, null, millis));
        return this;
    }

    public SendPulseStandIn tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Accepts a static API key as the bearer, as SendPulse does for keys made in its settings. */
    public SendPulseStandIn apiKey(String key) {
        tokens.put(key, Instant.MAX);
        return this;
    }

    /** Makes every token issued so far invalid, as if it had expired. */
    public SendPulseStandIn expireTokens() {
        tokens.clear();
        return this;
    }

    /** Answers 429 to event calls beyond this many per second (0: no limit). */
    public SendPulseStandIn rateLimit(int perSecond) {
        this.rateLimit = perSecond;
        return this;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Counts the event calls between their arrival and the end of their answer. */
    private final class InFlight implements ServeEventListener {

        @Override
        public String getName() {
            return "events-in-flight";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            if (serveEvent.getRequest().getUrl().startsWith("/events/")) {
                mostEventsInFlight.accumulateAndGet(eventsInFlight.incrementAndGet(), Math::max);
            }
        }

        @Override
        public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
            if (serveEvent.getRequest().getUrl().startsWith("/events/")) {
                eventsInFlight.decrementAndGet();
            }
        }
    }

    private final class Contract implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "sendpulse-contract";
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest request = serveEvent.getRequest();
            String path = request.getUrl();
            if (path.contains("?")) {
                return json(400, "{\"error_code\":400,\"message\":\"Unexpected query\"}");
            }
            if (request.getMethod().getName().equals("POST")
                    && path.equals("/oauth/access_token")) {
                return token(request);
            }
            if (request.getMethod().getName().equals("POST")
                    && path.matches("/addressbooks/[^/]+/emails")) {
                return addressBook(request, path.split("/")[2]);
            }
            if (request.getMethod().getName().equals("POST") && path.startsWith("/events/name/")) {
                return event(request, path.substring("/events/name/".length()));
            }
            return json(404, "{\"error_code\":404,\"message\":\"Not found\"}");
        }

        private ResponseDefinition token(LoggedRequest request) {
            tokenCalls.incrementAndGet();
            Scripted scripted;
            synchronized (SendPulseStandIn.this) {
                scripted = tokenScript.poll();
            }
            JsonNode body = parse(request.getBodyAsString());
            if (body == null || !"client_credentials".equals(body.path("grant_type").asText())) {
                return json(400, "{\"error\":\"invalid_request\"}");
            }
            if (!CLIENT_ID.equals(body.path("client_id").asText())
                    || !CLIENT_SECRET.equals(body.path("client_secret").asText())) {
                return json(401, "{\"error\":\"invalid_client\","
                        + "\"error_description\":\"Client authentication failed.\"}");
            }
            String token = "sp-token-" + issued.incrementAndGet() + "-"
                    + java.util.UUID.randomUUID();
            tokens.put(token, Instant.now().plus(tokenLifetime));
            ResponseDefinitionBuilder answer = aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                            + "\"expires_in\":" + tokenLifetime.toSeconds() + "}");
            if (scripted != null && scripted.delayMillis() > 0) {
                answer.withFixedDelay(scripted.delayMillis());
            }
            return answer.build();
        }

        private ResponseDefinition event(LoggedRequest request, String event) {
            eventCalls.incrementAndGet();
            String token = validToken(request);
            if (token == null) {
                return json(401, "{\"message\":\"Unauthorized!\",\"error_code\":401}");
            }
            if (overRateLimit()) {
                rateLimitRefusals.incrementAndGet();
                return json(429, "{\"error_code\":2020202020,"
                        + "\"message\":\"more than 10 requests per second\"}");
            }
            Scripted scripted;
            synchronized (SendPulseStandIn.this) {
                scripted = eventScript.poll();
            }
            if (scripted == null) {
                scripted = eventFault;
            }
            if (scripted == null && (random429 > 0 || random503 > 0)) {
                double roll;
                synchronized (dice) {
                    roll = dice.nextDouble();
                }
                if (roll < random429) {
                    scripted = new Scripted(429, "application/json",
                            "{\"error_code\":2020202020,\"message\":\"Too many requests\"}", 0);
                } else if (roll < random429 + random503) {
                    scripted = new Scripted(503, "text/html", "<html>Service Unavailable</html>",
                            0);
                }
            }
            int delay = 0;
            if (scripted != null && scripted.status() == 0) {
                delay = scripted.delayMillis();
                scripted = null;
            }
            if (scripted != null) {
                return aResponse().withStatus(scripted.status())
                        .withHeader("Content-Type", scripted.contentType())
                        .withBody(scripted.body()).build();
            }
            String contentType = request.getHeader("Content-Type");
            JsonNode body = parse(new String(request.getBody(), StandardCharsets.UTF_8));
            if (contentType == null || !contentType.startsWith("application/json")
                    || body == null || !body.isObject()) {
                return json(400, "{\"error_code\":400,\"message\":\"Expected a JSON object\"}");
            }
            if (!body.path("email").isTextual() && !body.path("phone").isTextual()
                    || rejected.contains(body.path("email").asText())) {
                return json(422, "{\"error_code\":21356,"
                        + "\"message\":\"Badly formed data. Check API documentation\"}");
            }
            accepted.incrementAndGet();
            if (body.path("order_id").canConvertToInt()) {
                synchronized (orders) {
                    int id = body.path("order_id").asInt();
                    if (orders.get(id)) {
                        repeatedOrders.incrementAndGet();
                    }
                    orders.set(id);
                }
            }
            if (keepRequests) {
                received.add(new Received(event, token, body));
            }
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"result\":true}").withFixedDelay(delay).build();
        }

        private ResponseDefinition addressBook(LoggedRequest request, String book) {
            int call = contactCalls.incrementAndGet();
            if (validToken(request) == null) {
                return json(401, "{\"message\":\"Unauthorized!\",\"error_code\":401}");
            }
            int outageAfter = contactCallsBeforeOutage;
            if (outageAfter >= 0 && call > outageAfter) {
                return aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                        .withBody("<html>Internal Server Error</html>").build();
            }
            JsonNode body = parse(new String(request.getBody(), StandardCharsets.UTF_8));
            JsonNode emails = body == null ? null : body.get("emails");
            if (emails == null || !emails.isArray()) {
                return json(500, "{\"message\":\"emails must be an array\"}");
            }
            for (JsonNode contact : emails) {
                if (!contact.path("email").isTextual() || !contact.path("variables").isObject()) {
                    return json(422, "{\"message\":\"Badly formed data. Check API"
                            + " documentation\",\"error_code\":21356}");
                }
            }
            emails.forEach(contact -> contacts.add(new Contact(book,
                    contact.path("email").asText(), contact.path("variables"))));
            return json(200, "{\"result\":true}");
        }

        /** The request's bearer token when it is one the stand-in issued and still honours. */
        private String validToken(LoggedRequest request) {
            String header = request.getHeader("Authorization");
            String token = header != null && header.startsWith("Bearer ")
                    ? header.substring(7) : null;
            Instant expiry = token == null ? null : tokens.get(token);
            return expiry == null || Instant.now().isAfter(expiry) ? null : token;
        }

        private boolean overRateLimit() {
            if (rateLimit <= 0) {
                return false;
            }
            long now = System.nanoTime();
            synchronized (window) {
                while (!window.isEmpty() && now - window.peekFirst() > 1_000_000_000L) {
                    window.pollFirst();
                }
                if (window.size() >= rateLimit) {
                    return true;
                }
                window.addLast(now);
                return false;
            }
        }
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    /** Bodies of accepted events as a list, for assertions that read better than JsonNode. */
    public List<String> emails(String event) {
        List<String> emails = new ArrayList<>();
        bodies(event).forEach(body -> emails.add(body.path("email").asText()));
        return emails;
    }
}
