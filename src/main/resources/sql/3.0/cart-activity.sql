-- OpenCart 3.0 and 4.0: the customers whose cart may have changed or ripened since the last
-- poll. Every line above :floor is one that poll had not seen or that was not idle yet; 3.0
-- never changes a line's date_added, so a cart ripens only through such a line, and a line
-- below the floor can never make a cart newly idle. Reads the primary key from :floor on,
-- the new end of the table, however many carts the shop keeps. :ripe_since is not needed.
SELECT DISTINCT customer_id
FROM ${prefix}cart
WHERE cart_id > :floor
  AND customer_id > 0
  AND api_id = 0
