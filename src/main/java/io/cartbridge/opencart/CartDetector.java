package io.cartbridge.opencart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
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
 * Abandoned carts of logged-in customers: the cart has been idle for the configured time, the
 * customer is enabled and has an email, and has not bought since the cart started.
 */
public final class CartDetector implements Detector {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record CartRow(int customerId, int lineCount, LocalDateTime firstAdded,
                           LocalDateTime lastAdded, boolean known, Contact contact,
                           boolean enabled, int storeId) {
        String id() {
            return customerId + ":" + storeId;
        }
    }

    private record CartLine(String cartId, int productId, int quantity, boolean sellable,
                            String name, String model, String sku, String image,
                            BigDecimal price, String optionsJson,
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
    private final DetectionRules rules;

    public CartDetector(ShopQuery query, DetectionRules rules) {
        this.query = query;
        this.rules = rules;
    }

    @Override
    public EventKind kind() {
        return EventKind.CART;
    }

    @Override
    public Detection detect(ShopSnapshot shop, LocalDateTime now, long cursor) {
        List<CartRow> carts = query.list("abandoned-carts", Map.of(
                "idle_before", now.minusMinutes(rules.idleMinutes()),
                "not_before", now.minusDays(rules.maxAgeDays())), row -> cartRow(row, shop));
        Map<String, List<CartLine>> stored = storedLines(carts, shop, now);

        List<Skip> skips = new ArrayList<>();
        List<CartRow> candidates = new ArrayList<>();
        for (CartRow cart : carts) {
            SkipReason reason = contactProblem(cart);
            if (reason != null) {
                skips.add(new Skip(kind(), key(cart, stored), cart.contact().email(), reason, 0));
            } else {
                candidates.add(cart);
            }
        }

        SaleHistory sales = SaleHistory.load(query, shop,
                candidates.stream().map(CartRow::customerId).toList(),
                candidates.stream().map(cart -> cart.contact().email()).toList(),
                candidates.stream().map(CartRow::firstAdded).min(LocalDateTime::compareTo)
                        .orElse(now).minusMinutes(DetectionRules.ORDER_BEFORE_CART_TOLERANCE_MINUTES));
        List<CartRow> open = new ArrayList<>();
        for (CartRow cart : candidates) {
            LocalDateTime since = cart.firstAdded()
                    .minusMinutes(DetectionRules.ORDER_BEFORE_CART_TOLERANCE_MINUTES);
            if (sales.boughtSince(cart.customerId(), cart.contact().email(), since, 0)) {
                skips.add(new Skip(kind(), key(cart, stored), cart.contact().email(),
                        SkipReason.ALREADY_BOUGHT, 0));
            } else {
                open.add(cart);
            }
        }

        Map<String, List<ProductLine>> lines = productLines(open, stored, shop);
        List<ShopEvent> events = new ArrayList<>();
        for (CartRow cart : open) {
            List<ProductLine> cartLines = lines.getOrDefault(cart.id(), List.of());
            if (cartLines.isEmpty()) {
                skips.add(new Skip(kind(), key(cart, stored), cart.contact().email(),
                        SkipReason.NO_PRODUCTS, 0));
                continue;
            }
            StoreInfo store = shop.store(cart.storeId());
            Currency currency = shop.currency(store.currency());
            BigDecimal total = cartLines.stream().map(ProductLine::total)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            events.add(new ShopEvent(kind(), key(cart, stored), cart.contact(), store,
                    cart.lastAdded().atZone(shop.zone()), currency, currency.round(total),
                    cap(cartLines), cartLines.size(), null, null, 0));
        }
        return new Detection(kind(), events, skips, cursor);
    }

    private SkipReason contactProblem(CartRow cart) {
        if (!cart.known()) {
            return SkipReason.CUSTOMER_MISSING;
        }
        if (!cart.enabled()) {
            return SkipReason.CUSTOMER_DISABLED;
        }
        if (!cart.contact().hasEmail()) {
            return SkipReason.NO_EMAIL;
        }
        if (rules.requireConsent() && !cart.contact().newsletter()) {
            return SkipReason.NO_CONSENT;
        }
        return null;
    }

    private List<ProductLine> cap(List<ProductLine> lines) {
        return lines.size() > rules.maxProducts()
                ? List.copyOf(lines.subList(0, rules.maxProducts())) : lines;
    }

    /**
     * The key of one abandonment episode: the customer, the store and what the cart holds. The
     * same cart left again and again is one episode; a changed cart is a new one.
     */
    private static String key(CartRow cart, Map<String, List<CartLine>> stored) {
        List<String> content = new ArrayList<>();
        for (CartLine line : stored.getOrDefault(cart.id(), List.of())) {
            content.add(line.productId() + "|" + line.quantity() + "|" + line.optionsJson());
        }
        Collections.sort(content);
        return "cart:" + cart.customerId() + ":" + cart.storeId() + ":"
                + (content.isEmpty() ? "empty" : digest(String.join("\n", content)));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CartRow cartRow(ResultSet row, ShopSnapshot shop) throws SQLException {
        boolean known = row.getObject("known_customer") != null;
        int storeId = row.getInt("cart_store");
        Contact contact = ContactReader.contact(row.getInt("customer_id"),
                row.getString("email"), row.getString("telephone"), row.getString("firstname"),
                row.getString("lastname"), row.getInt("newsletter") == 1,
                shop.store(storeId).phoneRegion());
        return new CartRow(row.getInt("customer_id"), row.getInt("line_count"),
                row.getObject("first_added", LocalDateTime.class),
                row.getObject("last_added", LocalDateTime.class), known, contact,
                row.getInt("status") == 1, storeId);
    }

    private Map<String, List<CartLine>> storedLines(List<CartRow> carts, ShopSnapshot shop,
                                                    LocalDateTime now) {
        Map<String, List<CartLine>> lines = new HashMap<>();
        if (carts.isEmpty()) {
            return lines;
        }
        query.list("cart-lines", Map.of(
                "customer_ids", carts.stream().map(CartRow::customerId).distinct().toList(),
                "language_id", shop.store(0).languageId(), "today", now.toLocalDate()),
                CartDetector::cartLine)
                .forEach(line -> lines.computeIfAbsent(line.cartId(), id -> new ArrayList<>())
                        .add(line));
        return lines;
    }

    private Map<String, List<ProductLine>> productLines(List<CartRow> carts,
                                                        Map<String, List<CartLine>> stored,
                                                        ShopSnapshot shop) {
        Map<String, List<ProductLine>> lines = new HashMap<>();
        List<CartLine> rows = carts.stream()
                .flatMap(cart -> stored.getOrDefault(cart.id(), List.of()).stream()).toList();
        if (rows.isEmpty()) {
            return lines;
        }
        Map<String, CartRow> byId = new HashMap<>();
        carts.forEach(cart -> byId.put(cart.id(), cart));
        int languageId = shop.store(0).languageId();

        Set<Integer> optionIds = new LinkedHashSet<>();
        Set<Integer> valueIds = new LinkedHashSet<>();
        for (CartLine row : rows) {
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

        CatalogLinks links = CatalogLinks.load(query,
                rows.stream().map(CartLine::productId).toList());
        for (CartLine row : rows) {
            if (!row.sellable()) {
                continue;
            }
            CartRow cart = byId.get(row.cartId());
            StoreInfo store = shop.store(cart.storeId());
            Currency currency = shop.currency(store.currency());
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
            lines.computeIfAbsent(cart.id(), id -> new ArrayList<>())
                    .add(new ProductLine(row.productId(), row.name(), row.model(), row.sku(),
                            chosen.isEmpty() ? null : String.join("; ", chosen), row.quantity(),
                            price,
                            currency.round(price.multiply(BigDecimal.valueOf(row.quantity()))),
                            links.productUrl(store, row.productId()),
                            CatalogLinks.imageUrl(store, row.image())));
        }
        return lines;
    }

    private static CartLine cartLine(ResultSet row) throws SQLException {
        boolean inCatalog = row.getObject("catalog_product_id") != null;
        BigDecimal special = row.getBigDecimal("special_price");
        String optionsJson = row.getString("options_json");
        return new CartLine(row.getInt("customer_id") + ":" + row.getInt("cart_store"),
                row.getInt("product_id"), row.getInt("quantity"),
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
