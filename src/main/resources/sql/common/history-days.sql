-- OpenCart 3.0, 4.0 and 4.1: the first status change of each day since :since. Read once, when
-- the service keeps no history mark yet, so that look-ups of recent order history stay at its
-- new end from the first poll on. The one statement that reads the whole table.
SELECT DATE(date_added) AS day, MIN(order_history_id) AS first_id
FROM ${prefix}order_history
WHERE date_added >= :since
GROUP BY DATE(date_added)
