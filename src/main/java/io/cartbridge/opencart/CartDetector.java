package io.cartbridge.opencart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Abandoned carts of logged-in customers: the cart has been idle for the configured time, the
 * customer is enabled and has an email, and has not bought since the cart started. One cart
 * content is one episode, keyed by its fingerprint.
 *
 * <p>A poll reads only the carts that changed or ripened since the poll before, found from the
 * new end of the cart table (see {@link CartPosition}); each cart is then read whole, so its
 * key and its start are the same as if the whole table had been read.
 */
public final class CartDetector implements Detector {

    private record CartRow(int customerId, LocalDateTime firstAdded, LocalDateTime lastAdded,
                           long lastLine, boolean known, Contact contact, boolean enabled,
                           int storeId) {
        String id() {
            return customerId + ":" + storeId;
        }
    }

    private final ShopQuery query;
    private final DetectionRules rules;
    private final CartContents contents;
    private final Supplier<Collection<String>> held;

    public CartDetector(ShopQuery query, DetectionRules rules) {
        this(query, rules, List::of);
    }

    /**
     * @param held the keys of carts that an earlier poll skipped for one of the
     *     {@link #PASSING_REASONS}: their customers' carts are read again on every poll, so
     *     that such a cart is sent once the reason is gone
     */
    public CartDetector(ShopQuery query, DetectionRules rules, Supplier<Collection<String>> held) {
        this.query = query;
        this.rules = rules;
        this.contents = new CartContents(query);
        this.held = held;
    }

    @Override
    public EventKind kind() {
        return EventKind.CART;
    }

    /** Skip reasons that may pass while the cart stays as it is. */
    public static final List<String> PASSING_REASONS = List.of(SkipReason.COOL_DOWN.label(),
            SkipReason.NO_CONSENT.label(), SkipReason.CUSTOMER_DISABLED.label(),
            SkipReason.NO_EMAIL.label(), SkipReason.INVALID_EMAIL.label());

    /** Lines this far below the floor are read again when the next floor is worked out. */
    private static final int FLOOR_OVERLAP = 50;

    /** Customers whose carts one statement reads. */
    private static final int CUSTOMERS_PER_READ = 500;

    /**
     * @param cursor the {@link CartPosition} of the last poll, or -1 on the first start
     */
    @Override
    public Detection detect(ShopSnapshot shop, LocalDateTime now, long cursor) {
        // Whole minutes, so that the position keeps the threshold exactly (see CartPosition).
        LocalDateTime idleBefore = now.minusMinutes(rules.idleMinutes())
                .truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime notBefore = now.minusDays(rules.maxAgeDays());
        CartPosition from = CartPosition.decode(cursor, notBefore);
        List<CartRow> carts = changedOrRipened(shop, from, idleBefore, notBefore);
        CartPosition next = next(from, idleBefore);
        long position = Math.max(0, cursor) + 1;
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

        SaleHistory sales = SaleHistory.load(query, shop,
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
        List<Unbuilt> unbuilt = new ArrayList<>();
        for (CartRow cart : unsold) {
            List<ProductLine> cartLines = lines.getOrDefault(cart.id(), List.of());
            if (cartLines.isEmpty()) {
                skips.add(skip(cart, stored, SkipReason.NO_PRODUCTS));
                continue;
            }
            try {
                events.add(rules.cartEvent(key(cart, stored), cart.contact(),
                        stores.get(cart.id()), cart.lastAdded().atZone(shop.zone()),
                        currencies.get(cart.id()), cartLines, position));
            } catch (RuntimeException e) {
                unbuilt.add(Unbuilt.of(kind(), key(cart, stored), cart.contact().email(), position,
                        e));
            }
        }
        return new Detection(kind(), events, skips, unbuilt, next.encode(), false);
    }

    /**
     * The idle carts that changed or ripened since the last poll: the customers with a line
     * above the floor (or, in 4.1, a line dated since the last poll's threshold), their carts
     * read whole, kept if idle now and either idle only since the last poll or changed since.
     */
    private List<CartRow> changedOrRipened(ShopSnapshot shop, CartPosition from,
                                           LocalDateTime idleBefore, LocalDateTime notBefore) {
        Set<Integer> again = heldCustomers();
        Set<Integer> active = new TreeSet<>(again);
        active.addAll(query.list("cart-activity", Map.of("floor", from.floor(),
                "ripe_since", from.ripeBefore()), row -> row.getInt("customer_id")));
        List<Integer> customers = new ArrayList<>(active);

        List<CartRow> carts = new ArrayList<>();
        for (int i = 0; i < customers.size(); i += CUSTOMERS_PER_READ) {
            List<Integer> page = customers.subList(i,
                    Math.min(customers.size(), i + CUSTOMERS_PER_READ));
            for (CartRow cart : query.list("abandoned-carts", Map.of("customer_ids", page,
                    "idle_before", idleBefore, "not_before", notBefore),
                    row -> cartRow(row, shop))) {
                if (!cart.lastAdded().isBefore(from.ripeBefore())
                        || cart.lastLine() > from.floor() || again.contains(cart.customerId())) {
                    carts.add(cart);
                }
            }
        }
        carts.sort(Comparator.comparingInt(CartRow::customerId)
                .thenComparingInt(CartRow::storeId));
        return carts;
    }

    /** The customers of the held carts; a guest's cart is decided by the guest detector. */
    private Set<Integer> heldCustomers() {
        Set<Integer> customers = new HashSet<>();
        for (String key : held.get()) {
            String[] parts = key.split(":");
            if (parts.length > 1 && parts[1].matches("\\d{1,9}")) {
                customers.add(Integer.parseInt(parts[1]));
            }
        }
        return customers;
    }

    /** Just below the oldest line that is not idle yet, or after the newest line. */
    private CartPosition next(CartPosition from, LocalDateTime idleBefore) {
        long band = Math.max(0, from.floor() - FLOOR_OVERLAP);
        long floor = query.list("cart-position", Map.of("band", band, "idle_before", idleBefore),
                row -> {
                    long firstOpen = row.getLong("first_open");
                    if (!row.wasNull()) {
                        return firstOpen - 1;
                    }
                    long lastLine = row.getLong("last_line");
                    return row.wasNull() ? from.floor() : lastLine;
                }).get(0);
        return new CartPosition(floor, idleBefore);
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
        if (!cart.contact().hasValidEmail()) {
            return SkipReason.INVALID_EMAIL;
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
                row.getObject("last_added", LocalDateTime.class), row.getLong("last_line"),
                known, contact,
                row.getInt("status") == 1, storeId);
    }
}
