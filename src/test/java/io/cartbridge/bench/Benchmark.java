package io.cartbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cartbridge.SyncService;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.SendPulseStandIn;
import io.cartbridge.testing.ShopActivity;
import io.cartbridge.testing.TestDatabase;
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
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers N purchases from a generated shop to a local stand-in without a rate limit, then
 * the same rows through a bare loop of JDBC and java.net.http calls, and prints events per
 * second, their ratio and the peak heap. Not a test; docs/benchmarks.md has the command.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (TestDatabase shop = TestDatabase.create("benchshop");
             TestDatabase state = TestDatabase.create("benchstate");
             SendPulseStandIn sendPulse = new SendPulseStandIn()) {
            shop.load(Path.of("src/test/resources/opencart-3.0/schema.sql"));
            long generating = System.nanoTime();
            new ShopActivity(shop, "oc_", ZoneOffset.UTC).bulkPurchases(0, "bench", events);
            System.out.printf("generated %d purchases in %.1f s%n", events,
                    (System.nanoTime() - generating) / 1e9);

            resetPeakHeap();
            double service = runService(shop, state, sendPulse, events);
            long serviceHeap = peakHeapMb();
            resetPeakHeap();
            double bare = runBareLoop(shop, sendPulse, events);
            System.out.printf("service: %.0f events/s, peak heap %d MB%n", service, serviceHeap);
            System.out.printf("bare loop: %.0f events/s, peak heap %d MB%n", bare, peakHeapMb());
            System.out.printf("ratio service / bare loop: %.2f%n", service / bare);
        }
        System.exit(0);
    }

    private static double runService(TestDatabase shop, TestDatabase state,
                                     SendPulseStandIn sendPulse, int events) {
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
        settings.put("sync.page-size", "5000");
        try (SyncService service = new SyncService(settings)) {
            service.start();
            long start = System.nanoTime();
            List<PollRun> runs = service.runOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            int sent = runs.stream().mapToInt(PollRun::sentCount).sum();
            if (sent != events || sendPulse.received().size() != events) {
                throw new IllegalStateException("sent " + sent + ", received "
                        + sendPulse.received().size() + " of " + events);
            }
            System.out.printf("service: %d events in %.1f s%n", sent, seconds);
            return sent / seconds;
        }
    }

    /** The ceiling: read the same orders and post each, with nothing else around it. */
    private static double runBareLoop(TestDatabase shop, SendPulseStandIn sendPulse, int events)
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
        int received = sendPulse.received().size();
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
                    body.put("order_id", row.getLong("order_id"));
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
        System.out.printf("bare loop: %d events in %.1f s (%d received)%n", sent, seconds,
                sendPulse.received().size() - received);
        return sent / seconds;
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
