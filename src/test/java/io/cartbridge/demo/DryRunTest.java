package io.cartbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cartbridge.delivery.PollRun;
import io.cartbridge.testing.SendPulseStandIn.Received;
import io.cartbridge.testing.ServiceHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run on the demo shop writes what would be sent and claims nothing. */
class DryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void should_write_the_requests_claim_nothing_and_let_going_live_send_them_all()
            throws Exception {
        Path file = folder.resolve("dry-run.jsonl");
        int wouldSend;
        try (ServiceHarness dry = ServiceHarness.onSubset().with("sync.dry-run", "true")
                .with("sync.dry-run-file", file.toString())
                .with("sync.purchases-start", "max-age")) {
            DemoShop.fill(dry.activity);

            List<PollRun> runs = dry.runOnce();

            wouldSend = runs.stream().mapToInt(PollRun::sentCount).sum();
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(wouldSend).hasSizeGreaterThan(20);
            for (String line : lines) {
                JsonNode request = JSON.readTree(line);
                assertThat(request.path("method").asText()).isEqualTo("POST");
                assertThat(request.path("path").asText()).startsWith("/events/name/");
                assertThat(request.path("body").path("email").asText()).contains("@");
            }
            assertThat(dry.sendPulse.eventCalls() + dry.sendPulse.tokenCalls()).isZero();
            assertThat(count(dry, "sync_ledger")).isZero();

            // Going live on the same state sends everything the dry run showed.
            dry.restartService();
            dry.with("sync.dry-run", "false");
            dry.runOnce();
            List<String> liveKeys = new ArrayList<>();
            for (Received event : dry.sendPulse.received()) {
                liveKeys.add(event.event() + ":" + event.body().path("email").asText());
            }
            assertThat(liveKeys).hasSize(wouldSend).doesNotHaveDuplicates();

            // A dry run after that leaves out what was sent, carts included.
            dry.restartService();
            dry.with("sync.dry-run", "true");
            List<PollRun> again = dry.runOnce();
            assertThat(again).extracting(PollRun::sentCount).containsOnly(0);
            assertThat(dry.sendPulse.received()).hasSize(wouldSend);
        }
    }

    private static long count(ServiceHarness harness, String table) throws Exception {
        try (Connection connection = harness.state.connect();
             ResultSet row = connection.createStatement()
                     .executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
