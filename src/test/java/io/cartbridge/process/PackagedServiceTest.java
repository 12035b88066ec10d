package io.cartbridge.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cartbridge.testing.ServiceHarness;
import io.cartbridge.testing.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service as an operator starts it: its own process, health and metrics on its port. */
class PackagedServiceTest {

    @Test
    void should_answer_health_and_metrics_with_real_figures_after_one_poll() throws Exception {
        int port = freePort();
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            int order = harness.activity.order().contact("jar@example.test", "J", "Ar", "")
                    .added(harness.activity.minutesAgo(5))
                    .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
            harness.activity.history(order, 2, harness.activity.minutesAgo(5));
            Map<String, String> settings = harness.properties();
            settings.put("sync.once", "false");
            settings.put("sync.purchases-start", "max-age");
            settings.put("sync.schedule.purchases", "0/2 * * * * ?");
            settings.put("camel.management.enabled", "true");
            settings.put("management.http-port", String.valueOf(port));

            try (ServiceProcess service = ServiceProcess.start(settings)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !harness.sendPulse.received().isEmpty());
                String metrics = await().atMost(Duration.ofSeconds(30)).until(
                        () -> get(port, "/observe/metrics"),
                        body -> body.contains("cartbridge_items_sent_total{kind=\"purchase\"}"));
                String health = get(port, "/observe/health");

                assertThat(metrics)
                        .contains("cartbridge_items_sent_total{kind=\"purchase\"} 1.0")
                        .contains("cartbridge_last_successful_poll_seconds"
                                + "{detector=\"purchases\"}");
                assertThat(health.replace(" ", "")).startsWith("{\"status\":\"UP\"");
                assertThat(service.stop()).as(service.output()).isNotEqualTo(137);
            }
        }
    }

    private static String get(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
