-- OpenCart 3.0, 4.0 and 4.1: checkouts that reached the confirm step and stopped there ("missing
-- orders", order_status_id = 0), idle since :idle_before and not older than :not_before. 3.0 writes
-- a new such row on every visit of the confirm step; the caller keeps the newest per email. The
-- customer is joined for the newsletter flag and the account status.
SELECT o.order_id, o.store_id, o.customer_id, o.email, o.firstname, o.lastname, o.telephone,
       o.total, o.currency_code, o.currency_value, o.date_added, o.language_id,
       cu.newsletter, cu.status AS customer_status
FROM `${prefix}order` o
LEFT JOIN ${prefix}customer cu ON cu.customer_id = o.customer_id AND o.customer_id > 0
WHERE o.order_status_id = 0
  AND o.date_added < :idle_before
  AND o.date_added >= :not_before
ORDER BY o.order_id
