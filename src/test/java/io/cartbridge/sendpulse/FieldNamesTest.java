package io.cartbridge.sendpulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Renamed event fields may not lose the email or put two fields under one name. */
class FieldNamesTest {

    private static FieldNames with(Map<String, String> settings) {
        return FieldNames.from(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void should_rename_and_switch_off_fields() {
        FieldNames names = with(Map.of("sendpulse.field.customer_name", "first_name",
                "sendpulse.field.phone", ""));
        assertThat(names.name("customer_name")).contains("first_name");
        assertThat(names.name("phone")).isEmpty();
        // A product field may share a name with an event field: they are in different objects.
        assertThat(with(Map.of("sendpulse.field.product.name", "store_name"))
                .name("product.name")).contains("store_name");
    }

    @Test
    void should_refuse_two_fields_under_one_name() {
        assertThatThrownBy(() -> with(Map.of("sendpulse.field.customer_name", "email")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Settings sendpulse.field.customer_name and sendpulse.field.email"
                        + " both name the field 'email'; give each its own name");
    }

    @Test
    void should_refuse_to_leave_out_the_email() {
        assertThatThrownBy(() -> with(Map.of("sendpulse.field.email", " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Setting sendpulse.field.email must not be empty");
    }
}
