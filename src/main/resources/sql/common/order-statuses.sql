-- OpenCart 3.0, 4.0 and 4.1: status names, in every language; the service reports the store's
-- language.
SELECT order_status_id, language_id, name
FROM ${prefix}order_status
