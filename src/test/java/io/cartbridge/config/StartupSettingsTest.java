package io.cartbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cartbridge.testing.ServiceHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Settings that would break the service only later, or with a stack trace, are refused at
 * start with one sentence naming the setting.
 */
class StartupSettingsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "opencart.store-url | shop.example.test | Setting opencart.store-url"
                + " (OPENCART_STORE_URL) must be an absolute URL such as https://shop.example/,"
                + " not 'shop.example.test'",
        "sync.schedule.purchases | bad cron | Setting sync.schedule.purchases (environment"
                + " SYNC_SCHEDULE_PURCHASES) must be a Quartz cron expression",
        "management.http-port | 99999 | Setting management.http-port (environment"
                + " MANAGEMENT_HTTP_PORT) must be at most 65535",
        "sendpulse.api-url | notaurl | Setting sendpulse.api-url (SENDPULSE_API_URL) must be"
                + " an http or https URL"})
    void should_refuse_at_start_with_one_sentence(String key, String value, String message) {
        try (ServiceHarness harness = ServiceHarness.onSubset().with(key, value)) {
            Throwable error = catchThrowable(harness::runOnce);

            StringBuilder messages = new StringBuilder();
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(message);
        }
    }
}
