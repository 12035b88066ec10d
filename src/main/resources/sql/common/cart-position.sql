-- OpenCart 3.0, 4.0 and 4.1: where the next cart poll resumes: just below the oldest line
-- that is not idle yet, or after the newest line when every line is idle. Lines from :band
-- on are read (a few ids below the current floor), so that a line written while the last
-- poll ran, and visible only after it, is not left below the floor. Reads the primary key
-- from :band on.
SELECT MIN(CASE WHEN date_added >= :idle_before THEN cart_id END) AS first_open,
       MAX(cart_id) AS last_line
FROM ${prefix}cart
WHERE cart_id > :band
