-- OpenCart 3.0, 4.0 and 4.1: how many customers the backfill may consider, for its progress.
SELECT COUNT(*) AS total
FROM ${prefix}customer
WHERE customer_id > :after
  AND status = 1
  AND newsletter = 1
  AND email <> ''
