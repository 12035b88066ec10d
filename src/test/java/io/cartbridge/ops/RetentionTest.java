package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.delivery.ErrorEntry;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.testing.ServiceHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data in the error store and the dry-run file goes after the retention period. */
class RetentionTest {

    @TempDir
    Path folder;

    @Test
    void should_remove_error_entries_and_dry_run_lines_older_than_the_retention() throws Exception {
        Path dryRun = folder.resolve("dry-run.jsonl");
        Files.write(dryRun, List.of(
                "{\"time\":\"2020-01-01T00:00:00Z\",\"body\":{\"email\":\"old@example.test\"}}",
                "{\"time\":\"2999-01-01T00:00:00Z\",\"body\":{\"email\":\"new@example.test\"}}"));
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("sync.dry-run-file", dryRun.toString()).with("sync.retention-days", "30")) {
            harness.sendPulse.failEvents(422, "application/json", "{\"message\":\"no\"}");
            harness.runOnce();
            for (String email : List.of("old@example.test", "recent@example.test")) {
                int order = harness.activity.order().contact(email, "O", "Ld", "")
                        .added(harness.activity.minutesAgo(5))
                        .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
                harness.activity.history(order, 2, harness.activity.minutesAgo(5));
            }
            harness.runOnce();
            harness.state.run("UPDATE sync_error SET first_failed_at = '2020-01-01',"
                    + " last_failed_at = '2020-01-01' WHERE request_body LIKE '%old@%'");

            harness.service().context().getRegistry()
                    .lookupByNameAndType("housekeeping", Housekeeping.class).purge();

            List<ErrorEntry> left = harness.service().context().getRegistry()
                    .lookupByNameAndType("errorStore", ErrorStore.class)
                    .entries(ErrorEntry.FAILED);
            assertThat(left).singleElement().satisfies(entry ->
                    assertThat(entry.requestBody()).contains("recent@example.test"));
            assertThat(Files.readString(dryRun)).doesNotContain("old@example.test")
                    .contains("new@example.test");
        }
    }
}
