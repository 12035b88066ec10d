-- OpenCart 3.0, 4.0 and 4.1: the newest order id, read from the end of the primary key.
SELECT COALESCE(MAX(order_id), 0) AS last_id
FROM `${prefix}order`
