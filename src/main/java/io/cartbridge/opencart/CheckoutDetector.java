package io.cartbridge.opencart;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Abandoned checkouts: orders left at status 0 after the confirm step, idle for the configured
 * time, with an email and no real order for that email since. Several such orders of one email
 * collapse into the newest.
 */
public final class CheckoutDetector implements Detector {

    private record CheckoutRow(int orderId, int storeId, Contact contact, BigDecimal total,
                               String currencyCode, BigDecimal currencyValue,
                               LocalDateTime added, boolean disabled) {
    }

    private final ShopQuery query;
    private final DetectionRules rules;
    private final Function<Collection<String>, Set<String>> settled;

    public CheckoutDetector(ShopQuery query, DetectionRules rules) {
        this(query, rules, keys -> Set.of());
    }

    /**
     * @param settled which of the given keys are sent or failed for good: those checkouts are
     *     left out before their orders' history is looked up, so that a poll that finds nothing
     *     new does not decide again every checkout of the max-age window
     */
    public CheckoutDetector(ShopQuery query, DetectionRules rules,
                            Function<Collection<String>, Set<String>> settled) {
        this.query = query;
        this.rules = rules;
        this.settled = settled;
    }

    @Override
    public EventKind kind() {
        return EventKind.CHECKOUT;
    }

    /** Orders written at the same time may commit out of id order; re-read this many ids. */
    private static final int FLOOR_OVERLAP = 50;

    /**
     * @param cursor the floor: only orders above it are read (-1 or 0 on the first poll)
     */
    @Override
    public Detection detect(ShopSnapshot shop, LocalDateTime now, long cursor) {
        long floor = Math.max(0, cursor);
        LocalDateTime idleBefore = now.minusMinutes(rules.idleMinutes());
        List<CheckoutRow> window = query.list("abandoned-checkouts", Map.of("floor", floor,
                "not_before", now.minusDays(rules.maxAgeDays())), row -> checkoutRow(row, shop));
        long nextFloor = window.isEmpty()
                ? Math.max(floor, query.list("last-order-id", Map.of(),
                        row -> row.getLong("last_id")).get(0) - FLOOR_OVERLAP)
                : Math.max(floor, window.get(0).orderId() - 1);
        List<CheckoutRow> rows = window.stream()
                .filter(row -> row.added().isBefore(idleBefore)).toList();

        List<Skip> skips = new ArrayList<>();
        Map<String, List<CheckoutRow>> byEmail = new LinkedHashMap<>();
        for (CheckoutRow row : rows) {
            if (!row.contact().hasValidEmail()) {
                skips.add(skip(row, row.contact().hasEmail() ? SkipReason.INVALID_EMAIL
                        : SkipReason.NO_EMAIL));
            } else {
                byEmail.computeIfAbsent(SaleHistory.normal(row.contact().email()),
                        email -> new ArrayList<>()).add(row);
            }
        }
        List<CheckoutRow> newest = new ArrayList<>();
        for (List<CheckoutRow> visits : byEmail.values()) {
            visits.sort(Comparator.comparing(CheckoutRow::added)
                    .thenComparing(CheckoutRow::orderId).reversed());
            newest.add(visits.get(0));
            visits.subList(1, visits.size())
                    .forEach(older -> skips.add(skip(older, SkipReason.SUPERSEDED)));
        }
        Set<String> done = newest.isEmpty() ? Set.of()
                : settled.apply(newest.stream().map(CheckoutDetector::key).toList());
        newest.removeIf(row -> done.contains(key(row)));

        Set<Integer> withHistory = new HashSet<>();
        if (!newest.isEmpty()) {
            // No order has a status change older than the order itself.
            query.list("order-history-of", Map.of("order_ids",
                    newest.stream().map(CheckoutRow::orderId).toList(), "history_floor",
                    shop.historyFloor(newest.stream().map(CheckoutRow::added)
                            .min(LocalDateTime::compareTo).orElse(now))),
                    row -> withHistory.add(row.getInt("order_id")));
        }
        SaleHistory sales = SaleHistory.load(query, shop,
                newest.stream().map(row -> row.contact().customerId()).filter(id -> id > 0)
                        .toList(),
                newest.stream().map(row -> row.contact().email()).toList(),
                newest.stream().map(CheckoutRow::added).min(LocalDateTime::compareTo).orElse(now));

        List<CheckoutRow> open = new ArrayList<>();
        for (CheckoutRow row : newest) {
            SkipReason reason = null;
            if (withHistory.contains(row.orderId())) {
                reason = SkipReason.HAS_HISTORY;
            } else if (row.disabled()) {
                reason = SkipReason.CUSTOMER_DISABLED;
            } else if (rules.requireConsent() && !row.contact().newsletter()) {
                reason = SkipReason.NO_CONSENT;
            } else if (sales.boughtSince(row.contact().customerId(), row.contact().email(),
                    row.added(), row.orderId())) {
                reason = SkipReason.ALREADY_BOUGHT;
            }
            if (reason != null) {
                skips.add(skip(row, reason));
            } else {
                open.add(row);
            }
        }

        Map<Integer, List<OrderLines.StoredLine>> lines = OrderLines.load(query,
                open.stream().map(CheckoutRow::orderId).toList());
        CatalogLinks links = CatalogLinks.load(query, lines.values().stream()
                .flatMap(List::stream).map(OrderLines.StoredLine::productId).toList());
        List<ShopEvent> events = new ArrayList<>();
        List<Unbuilt> unbuilt = new ArrayList<>();
        for (CheckoutRow row : open) {
            List<OrderLines.StoredLine> stored = lines.getOrDefault(row.orderId(), List.of());
            if (stored.isEmpty()) {
                skips.add(skip(row, SkipReason.NO_PRODUCTS));
                continue;
            }
            try {
                StoreInfo store = shop.store(row.storeId());
                Currency currency = shop.currency(row.currencyCode());
                List<ProductLine> products = OrderLines.convert(stored, store, currency,
                        row.currencyValue(), links);
                events.add(new ShopEvent(kind(), key(row), row.contact(), store,
                        row.added().atZone(shop.zone()), currency,
                        currency.convert(row.total(), row.currencyValue()),
                        rules.cap(products),
                        products.size(), (long) row.orderId(), null, 0, null));
            } catch (RuntimeException e) {
                unbuilt.add(Unbuilt.of(kind(), key(row), row.contact().email(), 0, e));
            }
        }
        return new Detection(kind(), events, skips, unbuilt, nextFloor, false);
    }

    private Skip skip(CheckoutRow row, SkipReason reason) {
        return new Skip(kind(), key(row), row.contact().email(), reason, 0);
    }

    private static String key(CheckoutRow row) {
        return "checkout:" + row.orderId();
    }

    private static CheckoutRow checkoutRow(ResultSet row, ShopSnapshot shop) throws SQLException {
        int storeId = row.getInt("store_id");
        Object customerStatus = row.getObject("customer_status");
        Contact contact = ContactReader.contact(row.getInt("customer_id"), row.getString("email"),
                row.getString("telephone"), row.getString("firstname"), row.getString("lastname"),
                row.getInt("newsletter") == 1, shop.store(storeId).phoneRegion());
        BigDecimal rate = row.getBigDecimal("currency_value");
        return new CheckoutRow(row.getInt("order_id"), storeId, contact,
                OrderLines.nonNull(row.getBigDecimal("total")), row.getString("currency_code"),
                rate == null || rate.signum() == 0 ? BigDecimal.ONE : rate,
                row.getObject("date_added", LocalDateTime.class),
                customerStatus != null && row.getInt("customer_status") == 0);
    }
}
