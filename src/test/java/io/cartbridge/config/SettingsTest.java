package io.cartbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an operator reads when a number in the settings is wrong. */
class SettingsTest {

    private static Settings with(String key, String value) {
        return new Settings(name -> Optional.ofNullable(Map.of(key, value).get(name)));
    }

    @Test
    void should_name_the_setting_and_its_environment_variable_when_a_number_is_not_one() {
        assertThatThrownBy(() -> with("sendpulse.concurrent-requests", "abc")
                .integer("sendpulse.concurrent-requests", 4, 1, 20))
                .hasMessage("Setting sendpulse.concurrent-requests (environment"
                        + " SENDPULSE_CONCURRENT_REQUESTS) must be a number, not 'abc'");
    }

    @Test
    void should_keep_a_number_within_its_bounds() {
        Settings settings = with("sendpulse.concurrent-requests", "21");

        assertThatThrownBy(() -> settings.integer("sendpulse.concurrent-requests", 4, 1, 20))
                .hasMessageContaining("must be at most 20, not 21");
        assertThatThrownBy(() -> with("sendpulse.concurrent-requests", "0")
                .integer("sendpulse.concurrent-requests", 4, 1, 20))
                .hasMessageContaining("must be at least 1, not 0");
        assertThat(with("other", "x").integer("sendpulse.concurrent-requests", 4, 1, 20))
                .isEqualTo(4);
        assertThat(with("sendpulse.concurrent-requests", "20")
                .integer("sendpulse.concurrent-requests", 4, 1, 20)).isEqualTo(20);
    }
}
