package io.cartbridge.sendpulse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON names of the event fields. Each can be renamed with {@code sendpulse.field.<name>},
 * or left out by setting it empty, to match the variables of the event in SendPulse.
 */
public final class FieldNames {

    /** The fields the service can send, with their default JSON names. */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> names;

    private FieldNames(Map<String, String> names) {
        this.names = names;
    }

    public static FieldNames defaultNames() {
        return new FieldNames(DEFAULTS);
    }

    /** Reads each {@code sendpulse.field.<name>} override; an unset one keeps its default. */
    public static FieldNames from(Function<String, Optional<String>> lookup) {
        Map<String, String> names = new LinkedHashMap<>();
        DEFAULTS.forEach((field, name) -> names.put(field,
                lookup.apply("sendpulse.field." + field).map(String::trim).orElse(name)));
        if (names.get("email").isEmpty()) {
            throw new IllegalStateException("Setting sendpulse.field.email must not be empty:"
                    + " SendPulse starts a flow only for an event with the contact's email");
        }
        // Two fields under one name: the later would silently overwrite the earlier.
        Map<String, String> taken = new LinkedHashMap<>();
        names.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (entry.getValue().isEmpty()) {
                return;
            }
            String scope = entry.getKey().startsWith("product.") ? "product." : "";
            String other = taken.putIfAbsent(scope + entry.getValue(), entry.getKey());
            if (other != null) {
                throw new IllegalStateException("Settings sendpulse.field." + other + " and"
                        + " sendpulse.field." + entry.getKey() + " both name the field '"
                        + entry.getValue() + "'; give each its own name");
            }
        });
        return new FieldNames(names);
    }

    /** The JSON name of a field, or empty when the field is switched off. */
    public Optional<String> name(String field) {
        String name = names.get(field);
        if (name == null) {
            throw new IllegalArgumentException("Unknown event field " + field);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static Map<String, String> defaults() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String field : new String[] {"email", "phone", "event_date", "event_time",
            "customer_name", "last_name", "store_name", "store_url", "currency", "cart_total",
            "order_total", "order_id", "order_status", "cart_url", "products_count", "products",
            "product.id", "product.name", "product.model", "product.sku", "product.options",
            "product.quantity", "product.price", "product.total", "product.url",
            "product.img_url"}) {
            int dot = field.indexOf('.');
            names.put(field, dot < 0 ? field : field.substring(dot + 1));
        }
        return Map.copyOf(names);
    }
}
