package io.cartbridge.opencart;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real orders of a batch of customers and emails: orders that got any status (a history row
 * with a status above 0), so that a shopper who went on to order, whatever became of the
 * order, is not sent a recovery email.
 */
public final class SaleHistory {

    private record Sale(int orderId, int customerId, String email, LocalDateTime at) {
    }

    private final List<Sale> sales;

    private SaleHistory(List<Sale> sales) {
        this.sales = sales;
    }

    public static SaleHistory load(ShopQuery query, ShopSnapshot shop,
                                   Collection<Integer> customerIds, Collection<String> emails,
                                   LocalDateTime since) {
        List<Sale> sales = new ArrayList<>();
        if (customerIds.isEmpty() && emails.isEmpty()) {
            return new SaleHistory(sales);
        }
        query.list("sales-since", Map.of("customer_ids", List.copyOf(customerIds),
                "emails", List.copyOf(emails), "since", since,
                "history_floor", shop.historyFloor(since)), row -> {
                    if (row.getInt("order_status_id") > 0) {
                        sales.add(new Sale(row.getInt("order_id"), row.getInt("customer_id"),
                                normal(row.getString("email")),
                                row.getObject("date_added", LocalDateTime.class)));
                    }
                    return null;
                });
        return new SaleHistory(sales);
    }

    /**
     * Whether the customer or email made a real order at or after the given moment. An order
     * that is itself the item being checked is ignored.
     */
    public boolean boughtSince(int customerId, String email, LocalDateTime since, int exceptOrder) {
        String normalEmail = normal(email);
        return sales.stream().anyMatch(sale -> sale.orderId() != exceptOrder
                && !sale.at().isBefore(since)
                && ((customerId > 0 && sale.customerId() == customerId)
                    || (!normalEmail.isEmpty() && normalEmail.equals(sale.email()))));
    }

    static String normal(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
