-- OpenCart 3.0, 4.0 and 4.1: the real orders (a sale status) of the given customers, for the
-- number of orders, the total spent and the last order date of each.
SELECT customer_id, store_id, order_status_id, total, date_added
FROM `${prefix}order`
WHERE customer_id IN (:customer_ids)
  AND order_status_id > 0
