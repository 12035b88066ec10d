-- OpenCart 4.1: the customers whose cart may have changed or ripened since the last poll: a
-- line above :floor (not seen, or not idle, at that poll), or a line dated from :ripe_since
-- on. 4.1 stamps all of a customer's lines with the time of each request he makes, without
-- writing a new line, so a cart can ripen through old lines whose date moved. No index of
-- 4.1 covers date_added: without one the server reads the table once, without grouping it;
-- with an index the owner may add on cart (date_added), it reads the recent lines only.
SELECT DISTINCT customer_id
FROM ${prefix}cart
WHERE customer_id > 0
  AND (cart_id > :floor OR date_added >= :ripe_since)
