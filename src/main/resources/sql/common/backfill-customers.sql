-- OpenCart 3.0, 4.0 and 4.1: one page of customers for the address-book backfill, after the
-- given customer id. Only enabled customers who ticked the newsletter box and have an email:
-- the service never adds anyone who had not agreed. :from and :to bound the registration
-- date; a customer who registered earlier but ordered in the window is included by the caller.
SELECT customer_id, email, firstname, lastname, telephone, store_id, date_added
FROM ${prefix}customer
WHERE customer_id > :after
  AND status = 1
  AND newsletter = 1
  AND email <> ''
ORDER BY customer_id
LIMIT :page
