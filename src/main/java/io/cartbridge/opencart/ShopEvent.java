package io.cartbridge.opencart;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One detected item: an abandoned cart, an abandoned checkout or a purchase, ready to be
 * mapped to a SendPulse event. The key identifies it for ever, so it is sent once.
 *
 * @param position where a cursor-driven detector may resume after this item, or 0
 * @param revenue for a purchase, the order total in the store's default currency; else null
 */
public record ShopEvent(
        EventKind kind,
        String key,
        Contact contact,
        StoreInfo store,
        ZonedDateTime occurredAt,
        Currency currency,
        BigDecimal total,
        List<ProductLine> products,
        int lineCount,
        Long orderId,
        String orderStatus,
        long position,
        BigDecimal revenue) {
}
