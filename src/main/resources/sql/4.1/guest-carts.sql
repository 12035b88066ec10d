-- OpenCart 4.1: guest carts (customer_id = 0), one row per session and store, with the session
-- data that holds the email once the guest typed it at checkout.
SELECT c.session_id, COALESCE(c.store_id, 0) AS cart_store, MIN(c.date_added) AS first_added,
       MAX(c.date_added) AS last_added, s.data AS session_data
FROM ${prefix}cart c
LEFT JOIN ${prefix}session s ON s.session_id = c.session_id
WHERE c.customer_id = 0
GROUP BY c.session_id, COALESCE(c.store_id, 0), s.data
