-- OpenCart 3.0, 4.0 and 4.1: the newest status change; the purchase cursor starts here on first
-- start, so that years of past orders are never sent as new purchases.
SELECT COALESCE(MAX(order_history_id), 0) AS last_id
FROM ${prefix}order_history
