-- OpenCart 3.0, 4.0 and 4.1: the newest status change and the database's own time, read
-- together, so that the service can later tell which ids were written after that moment.
SELECT COALESCE(MAX(order_history_id), 0) AS history_id, UTC_TIMESTAMP(3) AS marked_at
FROM ${prefix}order_history
