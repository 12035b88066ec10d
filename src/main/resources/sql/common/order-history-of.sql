-- OpenCart 3.0, 4.0 and 4.1: every status change of the given orders. A status-0 order with history
-- was really placed (a payment module that points at a deleted status leaves it at 0), and a
-- purchase counts only at the first change into a sale status. OpenCart has no index on order_id:
-- only the ids above :history_floor (older than any change of these orders) are read.
SELECT order_history_id, order_id, order_status_id
FROM ${prefix}order_history
WHERE order_history_id > :history_floor
  AND order_id IN (:order_ids)
