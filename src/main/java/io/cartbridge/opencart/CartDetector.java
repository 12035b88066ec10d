package io.cartbridge.opencart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Abandoned carts of logged-in customers: the cart has been idle for the configured time, the
 * customer is enabled and has an email, and has not bought since the cart started. One cart
 * content is one episode, keyed by its fingerprint.
 */
public final class CartDetector implements Detector {

    private record CartRow(int customerId, LocalDateTime firstAdded, LocalDateTime lastAdded,
                           boolean known, Contact contact, boolean enabled, int storeId) {
        String id() {
            return customerId + ":" + storeId;
        }
    }

    private final ShopQuery query;
    private final DetectionRules rules;
    private final CartContents contents;

    public CartDetector(ShopQuery query, DetectionRules rules) {
        this.query = query;
        this.rules = rules;
        this.contents = new CartContents(query);
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
        Map<String, List<CartContents.Line>> stored = carts.isEmpty() ? Map.of()
                : contents.load("cart-lines", Map.of(
                        "customer_ids", carts.stream().map(CartRow::customerId).distinct().toList(),
                        "session_ids", List.of(), "customer_group_id", shop.store(0).guestGroup(),
                        "language_id", shop.store(0).languageId(), "today", now.toLocalDate()),
                        row -> row.getInt("customer_id") + ":" + row.getInt("cart_store"));

        List<Skip> skips = new ArrayList<>();
        List<CartRow> candidates = new ArrayList<>();
        for (CartRow cart : carts) {
            SkipReason reason = contactProblem(cart);
            if (reason != null) {
                skips.add(skip(cart, stored, reason));
            } else {
                candidates.add(cart);
            }
        }

        SaleHistory sales = SaleHistory.load(query,
                candidates.stream().map(CartRow::customerId).toList(),
                candidates.stream().map(cart -> cart.contact().email()).toList(),
                candidates.stream().map(CartRow::firstAdded).min(LocalDateTime::compareTo)
                        .orElse(now)
                        .minusMinutes(DetectionRules.ORDER_BEFORE_CART_TOLERANCE_MINUTES));
        Map<String, List<CartContents.Line>> open = new HashMap<>();
        Map<String, StoreInfo> stores = new HashMap<>();
        Map<String, Currency> currencies = new HashMap<>();
        List<CartRow> unsold = new ArrayList<>();
        for (CartRow cart : candidates) {
            LocalDateTime since = cart.firstAdded()
                    .minusMinutes(DetectionRules.ORDER_BEFORE_CART_TOLERANCE_MINUTES);
            if (sales.boughtSince(cart.customerId(), cart.contact().email(), since, 0)) {
                skips.add(skip(cart, stored, SkipReason.ALREADY_BOUGHT));
                continue;
            }
            StoreInfo store = shop.store(cart.storeId());
            unsold.add(cart);
            open.put(cart.id(), stored.getOrDefault(cart.id(), List.of()));
            stores.put(cart.id(), store);
            currencies.put(cart.id(), shop.currency(store.currency()));
        }

        Map<String, List<ProductLine>> lines = contents.price(open, stores, currencies,
                shop.store(0).languageId());
        List<ShopEvent> events = new ArrayList<>();
        for (CartRow cart : unsold) {
            List<ProductLine> cartLines = lines.getOrDefault(cart.id(), List.of());
            if (cartLines.isEmpty()) {
                skips.add(skip(cart, stored, SkipReason.NO_PRODUCTS));
                continue;
            }
            events.add(rules.cartEvent(key(cart, stored), cart.contact(), stores.get(cart.id()),
                    cart.lastAdded().atZone(shop.zone()), currencies.get(cart.id()), cartLines));
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

    private Skip skip(CartRow cart, Map<String, List<CartContents.Line>> stored,
                      SkipReason reason) {
        return new Skip(kind(), key(cart, stored), cart.contact().email(), reason, 0);
    }

    /** The key of one episode: the customer, the store and the fingerprint of the content. */
    private static String key(CartRow cart, Map<String, List<CartContents.Line>> stored) {
        return "cart:" + cart.customerId() + ":" + cart.storeId() + ":"
                + CartContents.fingerprint(stored.getOrDefault(cart.id(), List.of()));
    }

    private static CartRow cartRow(ResultSet row, ShopSnapshot shop) throws SQLException {
        boolean known = row.getObject("known_customer") != null;
        int storeId = row.getInt("cart_store");
        Contact contact = ContactReader.contact(row.getInt("customer_id"),
                row.getString("email"), row.getString("telephone"), row.getString("firstname"),
                row.getString("lastname"), row.getInt("newsletter") == 1,
                shop.store(storeId).phoneRegion());
        return new CartRow(row.getInt("customer_id"),
                row.getObject("first_added", LocalDateTime.class),
                row.getObject("last_added", LocalDateTime.class), known, contact,
                row.getInt("status") == 1, storeId);
    }
}
