package io.cartbridge.sendpulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    private final MutableClock clock = new MutableClock();
    private final FailureClassifier classifier =
            new FailureClassifier(3, Duration.ofSeconds(60), new RateLimiter(1000), clock);
    private final CamelContext context = new DefaultCamelContext();

    @Test
    void should_keep_status_and_text_of_an_html_error_page_without_failing() {
        Failure failure = classifier.describe(http(500, "<html><h1>Internal error</h1></html>"));

        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isNull();
        assertThat(failure.responseExcerpt()).contains("Internal error");
    }

    @Test
    void should_not_retry_a_422_and_keep_sendpulse_code_and_message() {
        Exchange exchange = failedWith(http(422,
                "{\"error_code\":21356,\"message\":\"Badly formed data\"}"));

        assertThat(classifier.shouldRetry(exchange)).isFalse();
        Failure failure = classifier.describe(exchange.getException());
        assertThat(failure.errorCode()).isEqualTo("21356");
        assertThat(failure.message()).isEqualTo("Badly formed data");
    }

    @Test
    void should_retry_a_timeout_until_the_attempts_are_used_up() {
        Exchange exchange = failedWith(new RuntimeException(new SocketTimeoutException("read")));

        exchange.setProperty(FailureClassifier.ATTEMPTS, 2);
        assertThat(classifier.shouldRetry(exchange)).isTrue();
        exchange.setProperty(FailureClassifier.ATTEMPTS, 3);
        assertThat(classifier.shouldRetry(exchange)).isFalse();
    }

    @Test
    void should_renew_the_token_once_on_401_and_then_give_up() {
        Exchange exchange = failedWith(http(401, "{\"message\":\"Unauthorized!\"}"));
        exchange.getMessage().setHeader("Authorization", "Bearer old-token");

        assertThat(classifier.shouldRetry(exchange)).isTrue();
        assertThat(exchange.getProperty(FailureClassifier.REFUSED_TOKEN)).isEqualTo("old-token");
        assertThat(classifier.shouldRetry(exchange)).isFalse();
    }

    @Test
    void should_retry_429_for_the_time_budget_whatever_the_attempt_count() {
        Exchange exchange = failedWith(http(429, "{\"error_code\":2020202020}"));
        exchange.setProperty(FailureClassifier.ATTEMPTS, 40);

        assertThat(classifier.shouldRetry(exchange)).isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(classifier.shouldRetry(exchange)).isFalse();
    }

    @Test
    void should_treat_result_false_as_a_refusal_that_is_not_retried() {
        Exchange exchange = failedWith(new RejectedException(200, "{\"result\":false}"));

        assertThat(classifier.shouldRetry(exchange)).isFalse();
        assertThat(classifier.describe(exchange.getException()).httpStatus()).isEqualTo(200);
    }

    private Exchange failedWith(Exception error) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(error);
        return exchange;
    }

    private static HttpOperationFailedException http(int status, String body) {
        return new HttpOperationFailedException("http://stand-in/events/name/x", status, "status",
                null, Map.of(), body);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
