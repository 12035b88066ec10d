package io.cartbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cartbridge.testing.ServiceHarness;
import org.junit.jupiter.api.Test;

/** A store URL without its scheme would put relative links in every email; it is refused. */
class StoreUrlSettingTest {

    @Test
    void should_refuse_a_store_url_without_a_scheme() {
        try (ServiceHarness harness = ServiceHarness.onSubset()
                .with("opencart.store-url", "shop.example.test")) {
            Throwable error = catchThrowable(harness::runOnce);

            StringBuilder messages = new StringBuilder();
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains("Setting opencart.store-url"
                    + " (OPENCART_STORE_URL) must be an absolute URL such as"
                    + " https://shop.example/, not 'shop.example.test'");
        }
    }
}
