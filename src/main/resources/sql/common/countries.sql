-- OpenCart 3.0, 4.0 and 4.1: the two-letter code of the store country, used to read local phone
-- numbers.
SELECT country_id, iso_code_2
FROM ${prefix}country
WHERE country_id IN (:country_ids)
