package io.cartbridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A command line the service does not understand starts nothing. */
class AppArgumentsTest {

    @Test
    void should_accept_the_documented_commands() {
        assertThat(App.wrongArguments(new String[0])).isNull();
        assertThat(App.wrongArguments(new String[] {"--backfill"})).isNull();
        assertThat(App.wrongArguments(new String[] {"--backfill", "2026-01-01", "2026-12-31"}))
                .isNull();
        assertThat(App.wrongArguments(new String[] {"--replay"})).isNull();
        assertThat(App.wrongArguments(new String[] {"--replay", "cart"})).isNull();
    }

    @Test
    void should_refuse_an_unknown_flag_instead_of_starting_the_live_service() {
        assertThat(App.wrongArguments(new String[] {"--dry-run"}))
                .isEqualTo("unknown argument '--dry-run'; nothing was started");
        assertThat(App.wrongArguments(new String[] {"--once"})).startsWith("unknown argument");
    }

    @Test
    void should_refuse_a_reversed_or_malformed_backfill_range_and_a_wrong_kind() {
        assertThat(App.wrongArguments(new String[] {"--backfill", "2026-12-05", "2026-01-01"}))
                .isEqualTo("--backfill: the first date 2026-12-05 is after the last 2026-01-01");
        assertThat(App.wrongArguments(new String[] {"--backfill", "05.12.2026"}))
                .contains("is not a date");
        assertThat(App.wrongArguments(new String[] {"--backfill", "2026-01-01", "2026-02-01",
            "extra"})).contains("at most two dates");
        assertThat(App.wrongArguments(new String[] {"--replay", "carts"}))
                .contains("'carts' is not one of");
    }
}
