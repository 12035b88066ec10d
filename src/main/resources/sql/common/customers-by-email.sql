-- OpenCart 3.0, 4.0 and 4.1: registered customers with the given emails, to apply the policy
-- for guests who use a customer's email, and the customer's newsletter consent.
SELECT customer_id, email, newsletter, status
FROM ${prefix}customer
WHERE email IN (:emails)
