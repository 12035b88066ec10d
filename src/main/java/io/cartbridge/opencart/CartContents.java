package io.cartbridge.opencart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What carts hold, for logged-in and guest carts alike: the stored lines with their catalogue
 * data, a fingerprint of the content, and the lines priced in the shopper's currency with
 * their options named.
 */
final class CartContents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A cart line as stored, with the catalogue's data and today's price for the group. */
    record Line(String cartId, int productId, int quantity, boolean sellable, String name,
                String model, String sku, String image, BigDecimal price, String optionsJson,
                Map<Integer, List<String>> options) {
    }

    private record OptionName(String name, String type) {
        boolean isChoice() {
            return switch (type == null ? "" : type) {
                case "select", "radio", "checkbox", "image" -> true;
                default -> false;
            };
        }
    }

    private record OptionValue(String name, BigDecimal delta) {
    }

    private final ShopQuery query;

    CartContents(ShopQuery query) {
        this.query = query;
    }

    /** Runs a cart-lines query and groups its rows by the cart id each row names. */
    Map<String, List<Line>> load(String queryName, Map<String, ?> parameters,
                                 ShopQuery.RowReader<String> cartId) {
        Map<String, List<Line>> lines = new HashMap<>();
        query.list(queryName, parameters, row -> line(row, cartId.read(row)))
                .forEach(line -> lines.computeIfAbsent(line.cartId(), id -> new ArrayList<>())
                        .add(line));
        return lines;
    }

    /**
     * A fingerprint of what a cart holds. The same cart left again and again has the same
     * fingerprint; a changed cart has another.
     */
    static String fingerprint(List<Line> lines) {
        List<String> content = new ArrayList<>();
        for (Line line : lines) {
            content.add(line.productId() + "|" + line.quantity() + "|" + line.optionsJson());
        }
        if (content.isEmpty()) {
            return "empty";
        }
        Collections.sort(content);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prices the lines of the given carts in each cart's currency, names their options, and
     * adds product and image links. Disabled and deleted products are left out.
     */
    Map<String, List<ProductLine>> price(Map<String, List<Line>> carts,
                                         Map<String, StoreInfo> stores,
                                         Map<String, Currency> currencies, int languageId) {
        Map<String, List<ProductLine>> lines = new HashMap<>();
        List<Line> rows = carts.values().stream().flatMap(List::stream).toList();
        if (rows.isEmpty()) {
            return lines;
        }
        Set<Integer> optionIds = new LinkedHashSet<>();
        Set<Integer> valueIds = new LinkedHashSet<>();
        for (Line row : rows) {
            row.options().forEach((optionId, values) -> {
                optionIds.add(optionId);
                values.stream().filter(text -> text.matches("\\d+"))
                        .forEach(text -> valueIds.add(Integer.parseInt(text)));
            });
        }
        Map<Integer, OptionName> optionNames = new HashMap<>();
        query.list("cart-option-names", Map.of("option_ids", List.copyOf(optionIds),
                "language_id", languageId), row -> optionNames.put(row.getInt("product_option_id"),
                        new OptionName(ShopSnapshot.decode(row.getString("name")),
                                row.getString("type"))));
        Map<Integer, OptionValue> optionValues = new HashMap<>();
        query.list("cart-option-values", Map.of("value_ids", List.copyOf(valueIds),
                "language_id", languageId), row -> {
                    BigDecimal delta = OrderLines.nonNull(row.getBigDecimal("price"));
                    if ("-".equals(row.getString("price_prefix"))) {
                        delta = delta.negate();
                    }
                    return optionValues.put(row.getInt("product_option_value_id"),
                            new OptionValue(ShopSnapshot.decode(row.getString("name")), delta));
                });

        CatalogLinks links = CatalogLinks.load(query, rows.stream().map(Line::productId).toList());
        for (Line row : rows) {
            if (!row.sellable()) {
                continue;
            }
            StoreInfo store = stores.get(row.cartId());
            Currency currency = currencies.get(row.cartId());
            BigDecimal unit = row.price();
            List<String> chosen = new ArrayList<>();
            for (Map.Entry<Integer, List<String>> option : row.options().entrySet()) {
                OptionName name = optionNames.get(option.getKey());
                List<String> texts = new ArrayList<>();
                for (String value : option.getValue()) {
                    OptionValue known = name != null && name.isChoice() && value.matches("\\d+")
                            ? optionValues.get(Integer.parseInt(value)) : null;
                    if (known != null) {
                        texts.add(known.name());
                        unit = unit.add(known.delta());
                    } else if (!value.isBlank()) {
                        texts.add(value);
                    }
                }
                if (name != null && !texts.isEmpty()) {
                    chosen.add(name.name() + ": " + String.join(", ", texts));
                }
            }
            BigDecimal price = currency.convert(unit, currency.rate());
            lines.computeIfAbsent(row.cartId(), id -> new ArrayList<>())
                    .add(new ProductLine(row.productId(), row.name(), row.model(), row.sku(),
                            chosen.isEmpty() ? null : String.join("; ", chosen), row.quantity(),
                            price,
                            currency.round(price.multiply(BigDecimal.valueOf(row.quantity()))),
                            links.productUrl(store, row.productId()),
                            CatalogLinks.imageUrl(store, row.image())));
        }
        return lines;
    }

    private static Line line(ResultSet row, String cartId) throws SQLException {
        boolean inCatalog = row.getObject("catalog_product_id") != null;
        BigDecimal special = row.getBigDecimal("special_price");
        String optionsJson = row.getString("options_json");
        return new Line(cartId, row.getInt("product_id"), row.getInt("quantity"),
                inCatalog && row.getInt("product_status") == 1,
                ShopSnapshot.decode(row.getString("name")), row.getString("model"),
                OrderLines.blankToNull(row.getString("sku")), row.getString("image"),
                special != null ? special : OrderLines.nonNull(row.getBigDecimal("price")),
                optionsJson == null ? "" : optionsJson, options(optionsJson));
    }

    /** The option JSON of a cart line: option id to the chosen value ids or free texts. */
    private static Map<Integer, List<String>> options(String json) {
        Map<Integer, List<String>> options = new LinkedHashMap<>();
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (Exception e) {
            return options;
        }
        if (node == null || !node.isObject()) {
            return options;
        }
        node.fields().forEachRemaining(entry -> {
            if (!entry.getKey().matches("\\d+")) {
                return;
            }
            List<String> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(value -> values.add(value.asText()));
            } else {
                values.add(entry.getValue().asText());
            }
            options.put(Integer.parseInt(entry.getKey()), values);
        });
        return options;
    }
}
