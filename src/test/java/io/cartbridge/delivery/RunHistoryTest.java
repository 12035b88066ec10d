package io.cartbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.opencart.EventKind;
import io.cartbridge.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A cycle's figures add up every page, even past the runs kept for the operations view. */
class RunHistoryTest {

    @Test
    void should_count_every_page_of_a_long_cycle_in_its_summary() {
        try (TestDatabase state = TestDatabase.create("runhistory")) {
            state.load(Path.of("src/main/resources/db/migration/V1__service_tables.sql"));
            RunHistory history = new RunHistory(state.dataSource(), Clock.systemUTC(), run -> {
            });
            history.record(page(EventKind.PURCHASE, 0));

            int pages = 600;
            try (RunHistory.Gathering cycle = history.gather(EventKind.PURCHASE)) {
                for (int i = 0; i < pages; i++) {
                    history.record(page(EventKind.PURCHASE, i == 0 ? 1 : 0));
                    history.record(page(EventKind.CART, 0));
                }
                PollRun total = PollRun.combined(EventKind.PURCHASE, cycle.runs());

                assertThat(total.sentCount()).isEqualTo(pages * 2);
                assertThat(total.failedCount()).isEqualTo(1);
            }
            assertThat(history.recent()).hasSize(500);
        }
    }

    private static PollRun page(EventKind kind, int failed) {
        PollRun run = new PollRun(kind, Instant.now(), false);
        run.found(2 + failed);
        run.sent();
        run.sent();
        for (int i = 0; i < failed; i++) {
            run.failed();
        }
        return run;
    }
}
