package io.cartbridge.opencart;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The rules every detector applies.
 *
 * @param idleMinutes how long a cart or checkout must be idle before it counts as abandoned
 * @param maxAgeDays activity older than this is never sent
 * @param requireConsent cart and checkout events only for customers with newsletter = 1
 * @param maxProducts how many product lines an event lists; totals always count every line
 * @param pageSize how many purchase history ids one poll reads at most
 */
public record DetectionRules(int idleMinutes, int maxAgeDays, boolean requireConsent,
                             int maxProducts, int pageSize) {

    /** An order confirmed this long before a cart's first line still ends that cart. */
    public static final int ORDER_BEFORE_CART_TOLERANCE_MINUTES = 10;

    /** A cart event: the total counts every line, the list shows at most the cap. */
    ShopEvent cartEvent(String key, Contact contact, StoreInfo store, ZonedDateTime at,
                        Currency currency, List<ProductLine> lines, long position) {
        BigDecimal total = lines.stream().map(ProductLine::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ShopEvent(EventKind.CART, key, contact, store, at, currency,
                currency.round(total), cap(lines), lines.size(), null, null, position, null);
    }

    /** At most {@link #maxProducts} lines, in their order. */
    public List<ProductLine> cap(List<ProductLine> lines) {
        return lines.size() > maxProducts ? List.copyOf(lines.subList(0, maxProducts)) : lines;
    }
}
