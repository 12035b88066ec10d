-- OpenCart 3.0 and 4.0: carts of the given logged-in customers, one row per customer. These
-- versions keep one cart across stores; it belongs to the store the customer registered in.
-- api_id > 0 marks lines that the admin or the API added, not the shopper. 3.0 sets date_added
-- when a line is inserted and never again, so the oldest line tells when the cart started and
-- the newest when the shopper last added something. The cart counts once the newest line is
-- older than :idle_before; lines older than :not_before are past sync.max-age-days and never
-- sent. The customer is joined outside the grouping so that the query passes
-- ONLY_FULL_GROUP_BY; a cart whose customer is gone still shows, to be skipped. Only the
-- customers that cart-activity found are read, through the (api_id, customer_id, ...) index;
-- last_line tells whether the cart has a line the previous poll had not seen.
SELECT c.customer_id, COALESCE(cu.store_id, 0) AS cart_store, c.line_count, c.first_added,
       c.last_added, c.last_line, cu.customer_id AS known_customer, cu.email, cu.firstname,
       cu.lastname, cu.telephone, cu.status, cu.newsletter, cu.customer_group_id
FROM (SELECT customer_id, COUNT(*) AS line_count, MIN(date_added) AS first_added,
             MAX(date_added) AS last_added, MAX(cart_id) AS last_line
      FROM ${prefix}cart
      WHERE api_id = 0 AND customer_id IN (:customer_ids)
      GROUP BY customer_id) c
LEFT JOIN ${prefix}customer cu ON cu.customer_id = c.customer_id
WHERE c.last_added < :idle_before
  AND c.last_added >= :not_before
ORDER BY c.customer_id
