-- OpenCart 4.1: the customers whose cart may have changed or ripened since the last poll: a
-- line above :floor (not seen, or not idle, at that poll), or a line dated from :ripe_since
-- on. 4.1 stamps all of a customer's lines with the time of each request he makes, without
-- writing a new line, so a cart can ripen through old lines whose date moved. No index of
-- 4.1 covers date_added. Apart, the second branch reads the table once in primary-key order
-- (about 35 ms for 200,000 lines); in one condition with the first, the server walked the
-- (customer_id, ...) index and looked up every line, six times slower. With an index the
-- owner may add on cart (date_added), the second branch reads the recent lines only.
SELECT customer_id
FROM ${prefix}cart
WHERE cart_id > :floor
  AND customer_id > 0
UNION
SELECT customer_id
FROM ${prefix}cart
WHERE date_added >= :ripe_since
  AND customer_id > 0
