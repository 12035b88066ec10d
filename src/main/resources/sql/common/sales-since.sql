-- OpenCart 3.0, 4.0 and 4.1: status changes, since :since, of the orders of the given customers
-- or emails. Any status above 0 means the shopper finished the checkout, so a cart or checkout
-- followed by such an order is not mailed. History dates are used because the order row is
-- written before the shopper confirms. Neither table is indexed by customer, email or order in
-- OpenCart: the history ids above :history_floor (older than :since) are read, and each row's
-- order by its primary key.
SELECT o.order_id, o.customer_id, o.email, o.store_id, h.order_status_id, h.date_added
FROM ${prefix}order_history h
JOIN `${prefix}order` o ON o.order_id = h.order_id
WHERE h.order_history_id > :history_floor
  AND h.date_added >= :since
  AND (o.customer_id IN (:customer_ids) OR o.email IN (:emails))
