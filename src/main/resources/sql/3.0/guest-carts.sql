-- OpenCart 3.0 and 4.0: guest carts (customer_id = 0, added by the storefront), one row per
-- session, with the session data that holds the email once the guest typed it at checkout.
-- A cart without a session row (sessions kept in files) has no email to find.
SELECT c.session_id, 0 AS cart_store, MIN(c.date_added) AS first_added,
       MAX(c.date_added) AS last_added, s.data AS session_data
FROM ${prefix}cart c
LEFT JOIN ${prefix}session s ON s.session_id = c.session_id
WHERE c.customer_id = 0
  AND c.api_id = 0
GROUP BY c.session_id, s.data
