-- OpenCart 3.0, 4.0 and 4.1: where the purchase cursor starts when sync.purchases-start = max-age:
-- just before the first status change inside the max-age window. Runs once, on first start.
SELECT COALESCE(MIN(order_history_id) - 1, (SELECT COALESCE(MAX(order_history_id), 0)
                                           FROM ${prefix}order_history)) AS start_id
FROM ${prefix}order_history
WHERE date_added >= :not_before
