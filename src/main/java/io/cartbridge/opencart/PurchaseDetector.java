package io.cartbridge.opencart;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Purchases: an order's first status change into one of its store's sale statuses
 * (processing or complete), read with a cursor on {@code order_history_id}.
 */
public final class PurchaseDetector implements Detector {

    private record HistoryRow(long historyId, int orderId, int statusId, LocalDateTime at,
                              int storeId, Contact contact, BigDecimal total, String currencyCode,
                              BigDecimal currencyValue, int languageId,
                              LocalDateTime orderAdded) {
    }

    private final ShopQuery query;
    private final DetectionRules rules;
    private final boolean requireConsent;
    private final boolean startAtMaxAge;

    /**
     * @param requireConsent purchase events only for customers with newsletter = 1
     * @param startAtMaxAge on first start, read the sales of the max-age window instead of
     *     starting after the newest status change
     */
    public PurchaseDetector(ShopQuery query, DetectionRules rules, boolean requireConsent,
                            boolean startAtMaxAge) {
        this.query = query;
        this.rules = rules;
        this.requireConsent = requireConsent;
        this.startAtMaxAge = startAtMaxAge;
    }

    @Override
    public EventKind kind() {
        return EventKind.PURCHASE;
    }

    @Override
    public Detection detect(ShopSnapshot shop, LocalDateTime now, long cursor) {
        long last = query.list("last-history-id", Map.of(), row -> row.getLong("last_id"))
                .get(0);
        if (cursor < 0) {
            cursor = startAtMaxAge ? query.list("first-history-id-since",
                    Map.of("not_before", now.minusDays(rules.maxAgeDays())),
                    row -> row.getLong("start_id")).get(0) : last;
        }
        if (last <= cursor) {
            return new Detection(kind(), List.of(), List.of(), cursor);
        }
        long upTo = Math.min(last, cursor + rules.pageSize());
        Set<Integer> saleStatuses = shop.anySaleStatus();
        List<HistoryRow> rows = query.list("purchases", Map.of("after", cursor, "up_to", upTo,
                "statuses", List.copyOf(saleStatuses),
                "not_before", now.minusDays(rules.maxAgeDays())), row -> historyRow(row, shop));

        Map<Integer, HistoryRow> firstPerOrder = new LinkedHashMap<>();
        for (HistoryRow row : rows) {
            if (shop.store(row.storeId()).saleStatuses().contains(row.statusId())) {
                firstPerOrder.putIfAbsent(row.orderId(), row);
            }
        }
        Map<Integer, Long> firstSale = new HashMap<>();
        // order_history.order_id has no index: never ask with an empty list, which reads it all.
        if (!firstPerOrder.isEmpty()) {
            // No order has a status change older than the order itself.
            LocalDateTime oldest = firstPerOrder.values().stream().map(HistoryRow::orderAdded)
                    .map(added -> added == null ? LocalDateTime.MIN : added)
                    .min(LocalDateTime::compareTo).orElse(now);
            query.list("order-history-of", Map.of("order_ids",
                    List.copyOf(firstPerOrder.keySet()), "history_floor",
                    oldest.equals(LocalDateTime.MIN) ? 0 : shop.historyFloor(oldest)), row -> {
                        HistoryRow seen = firstPerOrder.get(row.getInt("order_id"));
                        if (shop.store(seen.storeId()).saleStatuses()
                                .contains(row.getInt("order_status_id"))) {
                            firstSale.merge(seen.orderId(), row.getLong("order_history_id"),
                                    Math::min);
                        }
                        return null;
                    });
        }

        List<Skip> skips = new ArrayList<>();
        List<HistoryRow> sales = new ArrayList<>();
        for (HistoryRow row : firstPerOrder.values()) {
            SkipReason reason = null;
            if (firstSale.getOrDefault(row.orderId(), row.historyId()) < row.historyId()) {
                reason = SkipReason.SALE_BEFORE;
            } else if (!row.contact().hasEmail()) {
                reason = SkipReason.NO_EMAIL;
            } else if (!row.contact().hasValidEmail()) {
                reason = SkipReason.INVALID_EMAIL;
            } else if (requireConsent && !row.contact().newsletter()) {
                reason = SkipReason.NO_CONSENT;
            }
            if (reason != null) {
                skips.add(new Skip(kind(), key(row), row.contact().email(), reason,
                        row.historyId()));
            } else {
                sales.add(row);
            }
        }

        Map<Integer, List<OrderLines.StoredLine>> lines = OrderLines.load(query,
                sales.stream().map(HistoryRow::orderId).toList());
        CatalogLinks links = CatalogLinks.load(query, lines.values().stream()
                .flatMap(List::stream).map(OrderLines.StoredLine::productId).toList());
        List<ShopEvent> events = new ArrayList<>();
        List<Unbuilt> unbuilt = new ArrayList<>();
        for (HistoryRow row : sales) {
            try {
                StoreInfo store = shop.store(row.storeId());
                Currency currency = shop.currency(row.currencyCode());
                List<ProductLine> products = OrderLines.convert(
                        lines.getOrDefault(row.orderId(), List.of()), store, currency,
                        row.currencyValue(), links);
                events.add(new ShopEvent(kind(), key(row), row.contact(), store,
                        row.at().atZone(shop.zone()), currency,
                        currency.convert(row.total(), row.currencyValue()),
                        rules.cap(products),
                        products.size(), (long) row.orderId(),
                        shop.statusName(row.statusId(), store.languageId()), row.historyId(),
                        row.total()));
            } catch (RuntimeException e) {
                unbuilt.add(Unbuilt.of(kind(), key(row), row.contact().email(), row.historyId(),
                        e));
            }
        }
        return new Detection(kind(), events, skips, unbuilt, upTo, upTo < last);
    }

    private static String key(HistoryRow row) {
        return "purchase:" + row.orderId();
    }

    private static HistoryRow historyRow(ResultSet row, ShopSnapshot shop) throws SQLException {
        int storeId = row.getInt("store_id");
        Contact contact = ContactReader.contact(row.getInt("customer_id"), row.getString("email"),
                row.getString("telephone"), row.getString("firstname"), row.getString("lastname"),
                row.getInt("newsletter") == 1, shop.store(storeId).phoneRegion());
        BigDecimal rate = row.getBigDecimal("currency_value");
        return new HistoryRow(row.getLong("order_history_id"), row.getInt("order_id"),
                row.getInt("order_status_id"), row.getObject("status_added", LocalDateTime.class),
                storeId, contact, OrderLines.nonNull(row.getBigDecimal("total")),
                row.getString("currency_code"),
                rate == null || rate.signum() == 0 ? BigDecimal.ONE : rate,
                row.getInt("language_id"), row.getObject("order_added", LocalDateTime.class));
    }
}
