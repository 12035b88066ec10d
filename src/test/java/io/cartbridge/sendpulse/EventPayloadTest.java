package io.cartbridge.sendpulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cartbridge.opencart.Contact;
import io.cartbridge.opencart.Currency;
import io.cartbridge.opencart.EventKind;
import io.cartbridge.opencart.ProductLine;
import io.cartbridge.opencart.ShopEvent;
import io.cartbridge.opencart.StoreInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StoreInfo STORE = new StoreInfo(0, "Tom & Jerry", "https://shop.test/",
            "USD", 1, "en-gb", false, "GB", Set.of(1, 2), false, 1);

    @Test
    void should_write_a_flat_object_with_numbers_and_an_offset_timestamp() throws Exception {
        byte[] body = new EventPayload(FieldNames.defaultNames(), Map.of()).toBytes(cart(null));

        JsonNode json = JSON.readTree(body);
        assertThat(json.path("email").asText()).isEqualTo("anna@example.test");
        assertThat(json.path("customer_name").asText()).isEqualTo("Anna 🎉");
        assertThat(json.path("cart_total").isNumber()).isTrue();
        assertThat(json.path("cart_total").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(json.path("event_date").asText()).isEqualTo("2026-03-01");
        assertThat(json.path("event_time").asText()).isEqualTo("2026-03-01T10:15:00+05:30");
        assertThat(json.path("products").get(0).path("name").asText()).isEqualTo("Чай зелёный");
        assertThat(json.path("products").get(0).path("quantity").isInt()).isTrue();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Чай зелёный")
                .contains("Anna 🎉").doesNotContain("\\u");
    }

    @Test
    void should_leave_out_fields_without_a_value_instead_of_sending_null() throws Exception {
        JsonNode json = JSON.readTree(new EventPayload(FieldNames.defaultNames(), Map.of())
                .toBytes(cart(null)));

        assertThat(json.has("phone")).isFalse();
        assertThat(json.has("order_id")).isFalse();
        assertThat(json.path("products").get(0).has("sku")).isFalse();
    }

    @Test
    void should_rename_or_drop_fields_as_configured() throws Exception {
        Map<String, String> overrides = Map.of("sendpulse.field.email", "contact_email",
                "sendpulse.field.product.img_url", "image", "sendpulse.field.last_name", "");
        FieldNames names = FieldNames.from(key -> Optional.ofNullable(overrides.get(key)));

        JsonNode json = JSON.readTree(new EventPayload(names, Map.of(EventKind.CART, 77L))
                .toBytes(cart(null)));

        assertThat(json.path("contact_email").asText()).isEqualTo("anna@example.test");
        assertThat(json.has("email")).isFalse();
        assertThat(json.has("last_name")).isFalse();
        assertThat(json.path("products").get(0).path("image").asText())
                .isEqualTo("https://shop.test/image/catalog/tea.jpg");
        assertThat(json.path("automation_id").asLong()).isEqualTo(77L);
    }

    @Test
    void should_report_order_total_and_status_for_a_purchase() throws Exception {
        ShopEvent cart = cart(1234L);
        ShopEvent purchase = new ShopEvent(EventKind.PURCHASE, "purchase:1234", cart.contact(),
                STORE, cart.occurredAt(), cart.currency(), cart.total(), cart.products(), 1,
                1234L, "Processing", 9, new BigDecimal("12.50"));

        JsonNode json = JSON.readTree(new EventPayload(FieldNames.defaultNames(), Map.of())
                .toBytes(purchase));

        assertThat(json.path("order_total").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(json.path("order_status").asText()).isEqualTo("Processing");
        assertThat(json.path("order_id").asLong()).isEqualTo(1234L);
        assertThat(json.has("cart_url")).isFalse();
        assertThat(json.has("cart_total")).isFalse();
    }

    private static ShopEvent cart(Long orderId) {
        ProductLine tea = new ProductLine(44, "Чай зелёный", "TEA-1", null, null, 1,
                new BigDecimal("12.50"), new BigDecimal("12.50"), "https://shop.test/tea",
                "https://shop.test/image/catalog/tea.jpg");
        return new ShopEvent(EventKind.CART, "cart:1:20260301", new Contact(1,
                "anna@example.test", null, "Anna 🎉", "Zürich", true), STORE,
                LocalDateTime.of(2026, 3, 1, 10, 15).atZone(ZoneId.of("Asia/Kolkata")),
                new Currency("USD", 2, BigDecimal.ONE), new BigDecimal("12.50"), List.of(tea), 1,
                orderId, null, 0, null);
    }
}
