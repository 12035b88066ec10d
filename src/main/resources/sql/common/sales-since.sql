-- OpenCart 3.0, 4.0 and 4.1: status changes, since :since, of the orders of the given customers
-- or emails. Any status above 0 means the shopper finished the checkout, so a cart or checkout
-- followed by such an order is not mailed. History dates are used because the order row is
-- written before the shopper confirms.
SELECT o.order_id, o.customer_id, o.email, o.store_id, h.order_status_id, h.date_added
FROM `${prefix}order` o
JOIN ${prefix}order_history h ON h.order_id = o.order_id
WHERE (o.customer_id IN (:customer_ids) OR o.email IN (:emails))
  AND h.date_added >= :since
