package io.cartbridge.opencart;

import java.math.BigDecimal;

/** One line of a cart or an order, with amounts already in the shopper's currency. */
public record ProductLine(
        int productId,
        String name,
        String model,
        String sku,
        String options,
        int quantity,
        BigDecimal price,
        BigDecimal total,
        String url,
        String imageUrl) {
}
