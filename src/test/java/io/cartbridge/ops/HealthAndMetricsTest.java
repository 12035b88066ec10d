package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.testing.ServiceHarness;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The management port after a poll: health of every part, and the service's own figures. */
class HealthAndMetricsTest {

    @Test
    void should_report_health_and_real_figures_after_one_poll() throws Exception {
        int port = freePort();
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("camel.management.enabled", "true")
                .with("management.http-port", String.valueOf(port))) {
            harness.runOnce();
            int order = harness.activity.order().contact("metrics@example.test", "Mo", "M", "")
                    .added(harness.activity.minutesAgo(5))
                    .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
            harness.activity.history(order, 2, harness.activity.minutesAgo(5));
            harness.runOnce();

            HttpResponse<String> health = get(port, "/observe/health");
            HttpResponse<String> metrics = get(port, "/observe/metrics");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body().replace(" ", "")).startsWith("{\"status\":\"UP\"")
                    .contains("shop-database").contains("service-database")
                    .contains("sendpulse-token").contains("error-store").contains("route:");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("cartbridge_items_sent_total{kind=\"purchase\"} 1.0")
                    .contains("cartbridge_items_found_total{kind=\"purchase\"} 1.0")
                    .contains("cartbridge_error_store_size 0.0")
                    .contains("cartbridge_last_successful_poll_seconds{detector=\"purchases\"}")
                    .contains("cartbridge_delivery_latency_seconds_bucket{kind=\"purchase\"");
        }
    }

    @Test
    void should_turn_health_down_when_the_client_secret_is_wrong() throws Exception {
        int port = freePort();
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("camel.management.enabled", "true")
                .with("management.http-port", String.valueOf(port))
                .with("sendpulse.client-secret", "wrong-secret")) {
            harness.runOnce();

            HttpResponse<String> health = get(port, "/observe/health");

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("sendpulse-token").contains("invalid_client");
            assertThat(health.body()).doesNotContain("wrong-secret");
        }
    }

    private static HttpResponse<String> get(int port, String path)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
