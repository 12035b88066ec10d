-- OpenCart 3.0, 4.0 and 4.1: checkouts that reached the confirm step and stopped there
-- ("missing orders", order_status_id = 0) in the max-age window, idle or not yet. The caller
-- keeps those idle since :idle_before, and the newest per email, since 3.0 writes a new row
-- on every visit of the confirm step. Only ids above :floor are read: the floor stays just
-- below the oldest such order still in the window, so a poll reads a few days of orders by
-- primary key instead of the whole table. The customer is joined for the newsletter flag and
-- the account status.
SELECT o.order_id, o.store_id, o.customer_id, o.email, o.firstname, o.lastname, o.telephone,
       o.total, o.currency_code, o.currency_value, o.date_added, o.language_id,
       cu.newsletter, cu.status AS customer_status
FROM `${prefix}order` o
LEFT JOIN ${prefix}customer cu ON cu.customer_id = o.customer_id AND o.customer_id > 0
WHERE o.order_id > :floor
  AND o.order_status_id = 0
  AND o.date_added >= :not_before
ORDER BY o.order_id
