package io.cartbridge.opencart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the lines of a batch of orders with two queries, whatever the batch size. */
public final class OrderLines {

    /** A line as stored, before conversion to the order's currency. */
    public record StoredLine(int orderId, int productId, boolean inCatalog, String name,
                             String model, String sku, String image, String options,
                             int quantity, BigDecimal price) {
    }

    private OrderLines() {
    }

    public static Map<Integer, List<StoredLine>> load(ShopQuery query,
                                                     Collection<Integer> orderIds) {
        Map<Integer, List<StoredLine>> lines = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return lines;
        }
        Map<String, Object> parameters = Map.of("order_ids", List.copyOf(orderIds));
        Map<Integer, List<String>> options = new HashMap<>();
        query.list("order-options", parameters, row -> {
            options.computeIfAbsent(row.getInt("order_product_id"), id -> new ArrayList<>())
                    .add(ShopSnapshot.decode(row.getString("name")) + ": "
                            + ShopSnapshot.decode(row.getString("value")));
            return null;
        });
        query.list("order-lines", parameters, row -> {
            List<String> chosen = options.getOrDefault(row.getInt("order_product_id"), List.of());
            StoredLine line = new StoredLine(row.getInt("order_id"), row.getInt("product_id"),
                    row.getObject("catalog_product_id") != null,
                    ShopSnapshot.decode(row.getString("name")), row.getString("model"),
                    row.getString("sku"), row.getString("image"),
                    chosen.isEmpty() ? null : String.join(", ", chosen),
                    row.getInt("quantity"), row.getBigDecimal("price"));
            lines.computeIfAbsent(line.orderId(), id -> new ArrayList<>()).add(line);
            return null;
        });
        return lines;
    }

    /** Converts stored lines to the order's currency, with links for products still on sale. */
    public static List<ProductLine> convert(List<StoredLine> stored, StoreInfo store,
                                            Currency currency, BigDecimal rate,
                                            CatalogLinks links) {
        List<ProductLine> lines = new ArrayList<>();
        for (StoredLine line : stored) {
            BigDecimal unit = currency.convert(nonNull(line.price()), rate);
            lines.add(new ProductLine(line.productId(), line.name(), line.model(),
                    blankToNull(line.sku()), line.options(), line.quantity(), unit,
                    currency.round(unit.multiply(BigDecimal.valueOf(line.quantity()))),
                    line.inCatalog() ? links.productUrl(store, line.productId()) : null,
                    line.inCatalog() ? CatalogLinks.imageUrl(store, line.image()) : null));
        }
        return lines;
    }

    static BigDecimal nonNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
