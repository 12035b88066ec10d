package io.cartbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.testing.SendPulseStandIn.Received;
import io.cartbridge.testing.ServiceHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a SendPulse that misbehaves: each test scripts the stand-in, runs one
 * cycle, and checks what the stand-in accepted and what the error store holds.
 */
class SendPulseFaultsTest {

    private ServiceHarness harness;

    @BeforeEach
    void start_with_an_empty_shop() {
        harness = ServiceHarness.onSubset().with("sendpulse.retry.max-attempts", "3")
                .with("sendpulse.read-timeout-ms", "700");
        harness.runOnce();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void should_renew_an_expired_token_once_and_resend_the_same_body_with_it() {
        purchases(2);
        harness.runOnce();
        harness.sendPulse.expireTokens();
        purchases(2);

        harness.runOnce();

        List<Received> received = harness.sendPulse.received();
        assertThat(received).hasSize(4);
        assertThat(received.subList(2, 4)).extracting(Received::token)
                .doesNotContain(received.get(0).token());
        assertThat(harness.sendPulse.tokenCalls()).isEqualTo(2);
        // Each request that went out with the old token is refused once, and sent once more.
        assertThat(harness.sendPulse.eventCalls()).isBetween(5, 6);
        assertThat(failed()).isEmpty();
    }

    @Test
    void should_send_several_events_at_once_but_never_more_than_configured() {
        harness.restartService();
        harness.with("sendpulse.concurrent-requests", "3");
        harness.sendPulse.delayNextEvents(30, 150);
        purchases(30);

        harness.runOnce();

        assertThat(harness.sendPulse.received()).hasSize(30);
        assertThat(harness.sendPulse.mostEventsInFlight()).isEqualTo(3);
        assertThat(failed()).isEmpty();
    }

    @Test
    void should_fetch_a_token_normally_after_the_token_endpoint_timed_out_once() {
        harness.sendPulse.delayNextTokenCall(2000);
        purchases(1);

        harness.runOnce();

        assertThat(harness.sendPulse.received()).hasSize(1);
        assertThat(harness.sendPulse.tokenCalls()).isEqualTo(2);
        assertThat(failed()).isEmpty();
    }

    @Test
    void should_slow_down_and_deliver_everything_through_a_burst_of_429() {
        harness.sendPulse.failNextEvents(6, 429, "application/json",
                "{\"error_code\":2020202020,\"message\":\"more than 10 requests per second\"}");
        purchases(3);

        harness.runOnce();

        assertThat(harness.sendPulse.emails("purchase")).hasSize(3).doesNotHaveDuplicates();
        assertThat(failed()).isEmpty();
    }

    @Test
    void should_keep_a_500_with_an_html_page_after_the_last_attempt() {
        harness.sendPulse.failEvents(500, "text/html",
                "<!DOCTYPE html><html><body>Internal Server Error</body></html>");
        purchases(1);

        harness.runOnce();

        assertThat(harness.sendPulse.received()).isEmpty();
        assertThat(harness.sendPulse.eventCalls()).isEqualTo(3);
        assertThat(failed()).singleElement().satisfies(entry -> {
            assertThat(entry.httpStatus()).isEqualTo(500);
            assertThat(entry.responseExcerpt()).contains("Internal Server Error");
            assertThat(entry.attempts()).isEqualTo(3);
        });
    }

    @Test
    void should_keep_a_422_at_once_with_sendpulse_code_and_message() {
        harness.sendPulse.failNextEvents(1, 422, "application/json",
                "{\"error_code\":21356,"
                        + "\"message\":\"Badly formed data. Check API documentation\"}");
        purchases(1);

        harness.runOnce();

        assertThat(harness.sendPulse.eventCalls()).isEqualTo(1);
        assertThat(failed()).singleElement().satisfies(entry -> {
            assertThat(entry.httpStatus()).isEqualTo(422);
            assertThat(entry.errorCode()).isEqualTo("21356");
            assertThat(entry.errorMessage()).startsWith("Badly formed data");
            assertThat(entry.requestBody()).contains("\"order_id\"");
            assertThat(entry.endpoint()).isEqualTo("POST /events/name/purchase");
        });
    }

    @Test
    void should_keep_a_413_at_once() {
        harness.sendPulse.failNextEvents(1, 413, "text/plain", "");
        purchases(1);

        harness.runOnce();

        assertThat(harness.sendPulse.eventCalls()).isEqualTo(1);
        assertThat(failed()).singleElement()
                .satisfies(entry -> assertThat(entry.httpStatus()).isEqualTo(413));
    }

    @Test
    void should_stop_asking_for_tokens_when_the_client_secret_is_wrong() {
        harness.close();
        harness = ServiceHarness.onSubset().with("sendpulse.client-secret", "wrong-secret");
        harness.runOnce();
        purchases(3);

        harness.runOnce();

        assertThat(harness.sendPulse.tokenCalls()).isEqualTo(1);
        assertThat(harness.sendPulse.eventCalls()).isZero();
        assertThat(failed()).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.errorCode()).isEqualTo("invalid_client");
            assertThat(entry.errorMessage()).contains("sendpulse.client-secret");
            assertThat(entry.attempts()).isEqualTo(1);
        });
    }

    @Test
    void should_retry_an_answer_slower_than_the_read_timeout() {
        harness.sendPulse.delayNextEvents(1, 2000);
        purchases(1);

        harness.runOnce();

        // The slow answer was accepted before the timeout fired: without an idempotency key at
        // SendPulse this is the duplicate window that at-least-once delivery leaves open.
        assertThat(harness.sendPulse.eventCalls()).isEqualTo(2);
        assertThat(harness.sendPulse.received()).hasSize(2);
        assertThat(failed()).isEmpty();
    }

    @Test
    void should_renew_the_token_during_an_outage_longer_than_its_lifetime() {
        harness.close();
        harness = ServiceHarness.onSubset().with("sendpulse.retry.max-attempts", "8")
                .with("sendpulse.retry.initial-delay-ms", "600")
                .with("sendpulse.retry.max-delay-ms", "600");
        harness.sendPulse.tokenLifetime(java.time.Duration.ofSeconds(2));
        harness.runOnce();
        harness.sendPulse.failNextEvents(5, 503, "text/html", "<html>down</html>");
        purchases(1);

        harness.runOnce();

        // Five 503s over about three seconds, then the event: no call was refused for a token.
        assertThat(harness.sendPulse.eventCalls()).isEqualTo(6);
        assertThat(harness.sendPulse.received()).hasSize(1);
        assertThat(harness.sendPulse.tokenCalls()).isGreaterThanOrEqualTo(2);
        assertThat(failed()).isEmpty();
    }

    @Test
    void should_account_for_every_selected_row_as_sent_skipped_or_failed() throws Exception {
        for (int i = 0; i < 45; i++) {
            purchase("fine" + i + "@example.test");
        }
        for (int i = 0; i < 3; i++) {
            purchase("");
        }
        harness.sendPulse.rejectEmails("rejected0@example.test", "rejected1@example.test");
        purchase("rejected0@example.test");
        purchase("rejected1@example.test");

        java.util.List<io.cartbridge.delivery.PollRun> runs = harness.runOnce();

        io.cartbridge.delivery.PollRun purchases = harness.run(runs, "purchases");
        assertThat(purchases.foundCount()).isEqualTo(50);
        assertThat(purchases.sentCount()).isEqualTo(45);
        assertThat(purchases.skippedByReason()).isEqualTo(java.util.Map.of("no email", 3));
        assertThat(purchases.failedCount()).isEqualTo(2);
        try (java.sql.Connection connection = harness.state.connect();
             java.sql.ResultSet row = connection.createStatement().executeQuery(
                     "SELECT found, sent, skipped, failed FROM sync_run"
                             + " WHERE detector = 'purchases' ORDER BY run_id DESC LIMIT 1")) {
            row.next();
            assertThat(List.of(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4)))
                    .containsExactly(50, 45, 3, 2);
        }
    }

    @Test
    void should_keep_a_refused_item_open_when_the_error_store_cannot_be_written() {
        harness.sendPulse.rejectEmails("refused@example.test");
        purchase("before@example.test");
        purchase("refused@example.test");
        purchase("after@example.test");
        harness.state.run("RENAME TABLE sync_error TO sync_error_away;\n");

        List<PollRun> runs = harness.runOnce();

        PollRun purchases = harness.run(runs, "purchases");
        assertThat(purchases.sentCount()).isEqualTo(2);
        assertThat(purchases.failedCount()).isEqualTo(1);
        assertThat(harness.sendPulse.emails("purchase"))
                .contains("before@example.test", "after@example.test");

        harness.state.run("RENAME TABLE sync_error_away TO sync_error;\n");
        harness.sendPulse.heal();
        runs = harness.runOnce();

        // The refused item was read again: the cursor had stayed before it.
        assertThat(harness.run(runs, "purchases").sentCount()).isEqualTo(1);
        assertThat(harness.sendPulse.emails("purchase")).containsExactlyInAnyOrder(
                "before@example.test", "refused@example.test", "after@example.test");
        assertThat(failed()).isEmpty();
    }

    @Test
    void should_send_nothing_when_replaying_in_a_dry_run() {
        harness.sendPulse.failNextEvents(1, 422, "application/json",
                "{\"error_code\":21356,\"message\":\"Badly formed data\"}");
        purchases(1);
        harness.runOnce();
        long id = failed().get(0).id();
        harness.restartService();
        harness.with("sync.dry-run", "true");
        harness.runOnce();
        int calls = harness.sendPulse.eventCalls();

        Replayer replayer = harness.service().context().getRegistry()
                .lookupByNameAndType("replayer", Replayer.class);
        assertThat(replayer.replay(id)).startsWith("Dry run: entry " + id);
        assertThat(replayer.replayAll("purchase")).startsWith("Dry run: 1 purchase");

        assertThat(harness.sendPulse.eventCalls()).isEqualTo(calls);
        assertThat(failed()).hasSize(1);
    }

    @Test
    void should_send_with_a_static_api_key_and_never_ask_for_a_token() {
        harness.close();
        harness = ServiceHarness.onSubset().with("sendpulse.api-key", "static-key-for-tests")
                .with("sendpulse.client-id", "").with("sendpulse.client-secret", "");
        harness.sendPulse.apiKey("static-key-for-tests");
        harness.runOnce();
        purchases(2);

        harness.runOnce();

        assertThat(harness.sendPulse.received()).hasSize(2)
                .allSatisfy(event -> assertThat(event.token()).isEqualTo("static-key-for-tests"));
        assertThat(harness.sendPulse.tokenCalls()).isZero();
    }

    private List<ErrorEntry> failed() {
        return harness.service().context().getRegistry()
                .lookupByNameAndType("errorStore", ErrorStore.class).entries(ErrorEntry.FAILED);
    }

    private void purchase(String email) {
        int order = harness.activity.order().contact(email, "Pat", "Buyer", "")
                .added(harness.activity.minutesAgo(5))
                .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
        harness.activity.history(order, 2, harness.activity.minutesAgo(5));
    }

    private void purchases(int count) {
        for (int i = 0; i < count; i++) {
            String email = "buyer" + System.nanoTime() + "@example.test";
            int order = harness.activity.order().contact(email, "Pat", "Buyer", "")
                    .added(harness.activity.minutesAgo(5))
                    .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
            harness.activity.history(order, 2, harness.activity.minutesAgo(5));
        }
    }
}
