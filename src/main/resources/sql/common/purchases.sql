-- OpenCart 3.0, 4.0 and 4.1: status changes after the cursor into a status that counts as a sale in
-- some store. The caller checks the status against the order's own store and keeps only an order's
-- first such change. Reads the primary key range after the cursor, so an idle poll reads nothing;
-- :up_to bounds one page.
SELECT h.order_history_id, h.order_id, h.order_status_id, h.date_added AS status_added,
       o.date_added AS order_added, o.store_id, o.customer_id, o.email, o.firstname, o.lastname,
       o.telephone, o.total, o.currency_code, o.currency_value, o.language_id, cu.newsletter
FROM ${prefix}order_history h
JOIN `${prefix}order` o ON o.order_id = h.order_id
LEFT JOIN ${prefix}customer cu ON cu.customer_id = o.customer_id AND o.customer_id > 0
WHERE h.order_history_id > :after
  AND h.order_history_id <= :up_to
  AND h.order_status_id IN (:statuses)
  AND h.date_added >= :not_before
ORDER BY h.order_history_id
