-- OpenCart 3.0, 4.0 and 4.1: every status change of the given orders. A status-0 order with history
-- was really placed (a payment module that points at a deleted status leaves it at 0), and a
-- purchase counts only at the first change into a sale status.
SELECT order_history_id, order_id, order_status_id
FROM ${prefix}order_history
WHERE order_id IN (:order_ids)
