package io.cartbridge.sendpulse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cartbridge.opencart.EventKind;
import io.cartbridge.opencart.ProductLine;
import io.cartbridge.opencart.ShopEvent;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a detected item into the flat JSON object that SendPulse's event endpoint takes. It
 * leaves a field out instead of sending null, and writes amounts as plain JSON numbers.
 */
public final class EventPayload {

    // Characters beyond the basic plane (emoji) go out as four UTF-8 bytes, not as escapes.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private final FieldNames names;
    private final Map<EventKind, Long> automationIds;

    public EventPayload(FieldNames names, Map<EventKind, Long> automationIds) {
        this.names = names;
        this.automationIds = automationIds;
    }

    public ObjectNode toJson(ShopEvent event) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        put(body, "email", event.contact().email());
        put(body, "phone", event.contact().phone());
        put(body, "event_date", DateTimeFormatter.ISO_LOCAL_DATE.format(event.occurredAt()));
        put(body, "event_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(event.occurredAt().toOffsetDateTime()));
        put(body, "customer_name", event.contact().firstName());
        put(body, "last_name", event.contact().lastName());
        put(body, "store_name", event.store().name());
        put(body, "store_url", event.store().url());
        put(body, "currency", event.currency().code());
        if (event.kind() == EventKind.PURCHASE) {
            put(body, "order_total", event.total());
            put(body, "order_status", event.orderStatus());
        } else {
            put(body, "cart_total", event.total());
            put(body, "cart_url", event.store().cartUrl());
        }
        if (event.orderId() != null) {
            put(body, "order_id", BigDecimal.valueOf(event.orderId()));
        }
        put(body, "products_count", BigDecimal.valueOf(event.lineCount()));
        names.name("products").ifPresent(name -> {
            ArrayNode products = body.putArray(name);
            event.products().forEach(line -> products.add(product(line)));
        });
        Long automationId = automationIds.get(event.kind());
        if (automationId != null) {
            body.put("automation_id", automationId);
        }
        return body;
    }

    /** The request body as UTF-8 bytes; built once per item, so a retry resends the same bytes. */
    public byte[] toBytes(ShopEvent event) {
        try {
            return JSON.writeValueAsBytes(toJson(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event for " + event.key(), e);
        }
    }

    private ObjectNode product(ProductLine line) {
        ObjectNode product = JsonNodeFactory.instance.objectNode();
        put(product, "product.id", BigDecimal.valueOf(line.productId()));
        put(product, "product.name", line.name());
        put(product, "product.model", line.model());
        put(product, "product.sku", line.sku());
        put(product, "product.options", line.options());
        put(product, "product.quantity", BigDecimal.valueOf(line.quantity()));
        put(product, "product.price", line.price());
        put(product, "product.total", line.total());
        put(product, "product.url", line.url());
        put(product, "product.img_url", line.imageUrl());
        return product;
    }

    private void put(ObjectNode node, String field, Object value) {
        Optional<String> name = names.name(field);
        if (name.isEmpty() || value == null || (value instanceof String text && text.isBlank())) {
            return;
        }
        if (value instanceof BigDecimal number) {
            node.put(name.get(), number);
        } else {
            node.put(name.get(), value.toString());
        }
    }
}
