-- OpenCart 4.1: carts of the given logged-in customers, one row per customer and store. 4.1
-- has no api_id, keeps a cart per store, and sets date_added of all a customer's lines in a
-- store to the time of his last request there, so the newest line tells when he was last
-- active. The cart counts once that is older than :idle_before; older than :not_before is past
-- sync.max-age-days. The customer is joined outside the grouping (ONLY_FULL_GROUP_BY). Only
-- the customers that cart-activity found are read, through the (customer_id, ...) index;
-- last_line tells whether the cart has a line the previous poll had not seen.
SELECT c.customer_id, c.cart_store, c.line_count, c.first_added, c.last_added, c.last_line,
       cu.customer_id AS known_customer, cu.email, cu.firstname, cu.lastname, cu.telephone,
       cu.status, cu.newsletter, cu.customer_group_id
FROM (SELECT customer_id, COALESCE(store_id, 0) AS cart_store, COUNT(*) AS line_count,
             MIN(date_added) AS first_added, MAX(date_added) AS last_added,
             MAX(cart_id) AS last_line
      FROM ${prefix}cart
      WHERE customer_id IN (:customer_ids)
      GROUP BY customer_id, COALESCE(store_id, 0)) c
LEFT JOIN ${prefix}customer cu ON cu.customer_id = c.customer_id
WHERE c.last_added < :idle_before
  AND c.last_added >= :not_before
ORDER BY c.customer_id, c.cart_store
