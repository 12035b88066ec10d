package io.cartbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cartbridge.SyncService;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.SendPulseStandIn;
import io.cartbridge.testing.ShopActivity;
import io.cartbridge.testing.TestDatabase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Measures the service against what the hardware and SendPulse allow. Not a test;
 * docs/benchmarks.md has the commands and the figures.
 *
 * <ol>
 *   <li>Generates N purchases (100,000 unless told) in a fresh shop database.</li>
 *   <li>Delivers them with the service, in one cycle, to a local stand-in without a rate limit:
 *   events per second, detection-to-delivery latency (p50, p99), peak heap and the heap left
 *   after each garbage collection while the backlog drains.</li>
 *   <li>Sends the same rows through a bare loop of one streaming JDBC query and a
 *   {@code java.net.http} POST each, the ceiling, and prints the ratio.</li>
 *   <li>Delivers a second shop's purchases with the limit of 10 requests per second switched
 *   on at both ends, and counts the 429 answers the service caused.</li>
 * </ol>
 *
 * <p>Both sides first run on a smaller shop ({@code --warmup=<events>}, 10,000 unless told),
 * unmeasured.
 *
 * <p>Arguments: {@code [events] [--service-only] [--limited=<events>] [--warmup=<events>]};
 * {@code --service-only} leaves out the bare loop and the limited run, e.g. for the heap under
 * a million-row backlog.
 * A system property {@code -Dset.<key>=<value>} sets one of the service's settings, e.g.
 * {@code -Dset.sendpulse.concurrent-requests=8}.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LATENCY = "cartbridge_delivery_latency";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = 100_000;
        int limited = 600;
        int warmup = 10_000;
        boolean serviceOnly = false;
        for (String arg : args) {
            if (arg.equals("--service-only")) {
                serviceOnly = true;
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(arg.substring("--warmup=".length()));
            } else if (arg.startsWith("--limited=")) {
                limited = Integer.parseInt(arg.substring("--limited=".length()));
            } else {
                events = Integer.parseInt(arg);
            }
        }
        System.out.printf("java %s, max heap %d MB, %d cores%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.getRuntime().availableProcessors());
        if (warmup > 0) {
            warmUp(warmup, serviceOnly);
        }
        try (TestDatabase shop = TestDatabase.create("benchshop");
             TestDatabase state = TestDatabase.create("benchstate");
             SendPulseStandIn sendPulse = SendPulseStandIn.counting()) {
            generate(shop, events);
            Measured service = runService(shop, state, sendPulse, events, Map.of());
            System.out.printf("service: %s%n", service);
            if (sendPulse.repeatedOrders() > 0) {
                throw new IllegalStateException(sendPulse.repeatedOrders() + " repeated events");
            }
            if (!serviceOnly) {
                Measured bare = runBareLoop(shop, sendPulse);
                System.out.printf("bare loop: %s%n", bare);
                System.out.printf("ratio service / bare loop: %.2f%n",
                        service.perSecond() / bare.perSecond());
            }
        }
        if (!serviceOnly) {
            runLimited(limited);
        }
        System.exit(0);
    }

    /**
     * The same work on a small shop first, so that neither side is measured while the JIT
     * compiler still takes a core of this machine, and the stand-in is equally warm for both.
     */
    private static void warmUp(int events, boolean serviceOnly) throws Exception {
        try (TestDatabase shop = TestDatabase.create("benchwarm");
             TestDatabase state = TestDatabase.create("benchwarmstate");
             SendPulseStandIn sendPulse = SendPulseStandIn.counting()) {
            generate(shop, events);
            System.out.printf("warm-up, service: %s%n",
                    runService(shop, state, sendPulse, events, Map.of()));
            if (!serviceOnly) {
                System.out.printf("warm-up, bare loop: %s%n", runBareLoop(shop, sendPulse));
            }
        }
    }

    private static void generate(TestDatabase shop, int events) {
        shop.load(Path.of("src/test/resources/opencart-3.0/schema.sql"));
        long generating = System.nanoTime();
        new ShopActivity(shop, "oc_", ZoneOffset.UTC).bulkPurchases(0, "bench", events);
        System.out.printf("generated %d purchases in %.1f s%n", events,
                (System.nanoTime() - generating) / 1e9);
    }

    /** What one run achieved. */
    private record Measured(int events, double seconds, long peakHeapMb, long peakAfterGcMb,
                            String afterGc, String latency) {
        double perSecond() {
            return events / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d events in %.1f s, %.0f events/s, peak heap %d MB, heap"
                    + " after GC at most %d MB (%s)%s", events, seconds, perSecond(),
                    peakHeapMb, peakAfterGcMb, afterGc, latency);
        }
    }

    private static Measured runService(TestDatabase shop, TestDatabase state,
                                       SendPulseStandIn sendPulse, int events,
                                       Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("camel.main.name", "cartbridge-bench-" + UUID.randomUUID());
        settings.put("camel.management.enabled", "false");
        settings.put("opencart.db.url", shop.url());
        settings.put("opencart.db.user", shop.user());
        settings.put("service.db.url", state.url());
        settings.put("service.db.user", state.user());
        settings.put("opencart.store-url", "https://bench.example.test/");
        settings.put("sendpulse.api-url", sendPulse.url());
        settings.put("sendpulse.client-id", SendPulseStandIn.CLIENT_ID);
        settings.put("sendpulse.client-secret", SendPulseStandIn.CLIENT_SECRET);
        settings.put("sendpulse.rate-limit", "1000000");
        settings.put("sync.once", "true");
        settings.put("sync.purchases-start", "max-age");
        settings.putAll(extra);
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("set."))
                .forEach(name -> settings.put(name.substring(4), System.getProperty(name)));
        try (SyncService service = new SyncService(settings)) {
            service.start();
            MeterRegistry meters = latencyPercentiles(service);
            HeapWatch heap = new HeapWatch(sendPulse::acceptedCount, events);
            int before = sendPulse.acceptedCount();
            long start = System.nanoTime();
            List<PollRun> runs = service.runOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.stop();
            int sent = runs.stream().mapToInt(PollRun::sentCount).sum();
            int arrived = sendPulse.acceptedCount() - before;
            if (sent != events || arrived != events) {
                throw new IllegalStateException("sent " + sent + ", arrived " + arrived + " of "
                        + events);
            }
            Timer timer = meters.find(LATENCY).timer();
            String latency = "";
            if (timer != null) {
                StringBuilder text = new StringBuilder(", detection to delivery");
                for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                    text.append(String.format(" p%.0f %.0f ms", value.percentile() * 100,
                            value.value(TimeUnit.MILLISECONDS)));
                }
                latency = text.toString();
            }
            return new Measured(sent, seconds, heap.peakMb(), heap.peakAfterGcMb(),
                    heap.timeline(), latency);
        }
    }

    /**
     * Keeps the latency percentiles of the whole run (Micrometer forgets them after two minutes
     * unless told otherwise).
     */
    private static MeterRegistry latencyPercentiles(SyncService service) {
        MeterRegistry meters = service.context().getRegistry()
                .findSingleByType(MeterRegistry.class);
        if (meters == null) {
            meters = new SimpleMeterRegistry();
            service.context().getRegistry().bind("benchmarkMeters", meters);
        }
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id,
                                                         DistributionStatisticConfig config) {
                if (!id.getName().equals(LATENCY)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.99)
                        .percentilePrecision(2).expiry(Duration.ofHours(6)).bufferLength(1)
                        .build().merge(config);
            }
        });
        return meters;
    }

    /** The ceiling: read the same orders and post each, with nothing else around it. */
    private static Measured runBareLoop(TestDatabase shop, SendPulseStandIn sendPulse)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create(sendPulse.url() + "/oauth/access_token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"client_credentials\",\"client_id\":\""
                        + SendPulseStandIn.CLIENT_ID + "\",\"client_secret\":\""
                        + SendPulseStandIn.CLIENT_SECRET + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        HeapWatch heap = new HeapWatch(sendPulse::acceptedCount, 0);
        long start = System.nanoTime();
        int sent = 0;
        try (Connection connection = shop.connect();
             Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                     ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet row = statement.executeQuery("SELECT o.order_id, o.email, o.total,"
                    + " o.currency_code, op.product_id, op.name, op.quantity, op.price"
                    + " FROM oc_order o JOIN oc_order_product op ON op.order_id = o.order_id"
                    + " ORDER BY o.order_id")) {
                while (row.next()) {
                    ObjectNode body = JSON.createObjectNode();
                    body.put("email", row.getString("email"));
                    body.put("order_id", row.getLong("order_id") + 50_000_000L);
                    body.put("order_total", row.getBigDecimal("total"));
                    body.put("currency", row.getString("currency_code"));
                    ObjectNode product = body.putArray("products").addObject();
                    product.put("id", row.getInt("product_id"));
                    product.put("name", row.getString("name"));
                    product.put("quantity", row.getInt("quantity"));
                    product.put("price", row.getBigDecimal("price"));
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(sendPulse.url() + "/events/name/purchase"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    JSON.writeValueAsBytes(body))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        sent++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        heap.stop();
        return new Measured(sent, seconds, heap.peakMb(), heap.peakAfterGcMb(), heap.timeline(),
                "");
    }

    /**
     * A second shop, delivered with the account limit on at both ends and no fault: every 429
     * the stand-in answers is one the service caused itself.
     */
    private static void runLimited(int events) throws Exception {
        try (TestDatabase shop = TestDatabase.create("benchlimited");
             TestDatabase state = TestDatabase.create("benchlimitedstate");
             SendPulseStandIn sendPulse = SendPulseStandIn.counting().rateLimit(10)) {
            generate(shop, events);
            Measured limited = runService(shop, state, sendPulse, events,
                    Map.of("sendpulse.rate-limit", "10"));
            System.out.printf("limited to 10/s: %d events in %.1f s, %.2f requests/s,"
                    + " %d calls, %d answered 429 for the rate limit%n", events,
                    limited.seconds(), sendPulse.eventCalls() / limited.seconds(),
                    sendPulse.eventCalls(), sendPulse.rateLimitRefusals());
        }
    }

    /** Samples the heap while a run goes on. */
    private static final class HeapWatch {
        private final Thread sampler;
        private final List<String> marks = new ArrayList<>();
        private volatile boolean running = true;
        private long peak;
        private long peakAfterGc;

        HeapWatch(java.util.function.IntSupplier progress, int total) {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            int base = progress.getAsInt();
            sampler = new Thread(() -> {
                int nextTenth = 1;
                while (running) {
                    long afterGc = heapPools().stream()
                            .mapToLong(pool -> pool.getCollectionUsage() == null ? 0
                                    : pool.getCollectionUsage().getUsed()).sum();
                    synchronized (this) {
                        peakAfterGc = Math.max(peakAfterGc, afterGc);
                        if (total > 0 && progress.getAsInt() - base >= total * nextTenth / 10) {
                            marks.add(nextTenth * 10 + "%: " + afterGc / (1024 * 1024) + " MB");
                            nextTenth++;
                        }
                    }
                    sleep(100);
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
            peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }

        long peakMb() {
            return peak / (1024 * 1024);
        }

        synchronized long peakAfterGcMb() {
            return peakAfterGc / (1024 * 1024);
        }

        synchronized String timeline() {
            return marks.isEmpty() ? "no marks" : String.join(", ", marks);
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
