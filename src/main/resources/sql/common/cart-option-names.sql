-- OpenCart 3.0, 4.0 and 4.1: names and types of the product options that cart lines refer to.
SELECT po.product_option_id, od.name, o.type
FROM ${prefix}product_option po
JOIN `${prefix}option` o ON o.option_id = po.option_id
JOIN ${prefix}option_description od
  ON od.option_id = po.option_id AND od.language_id = :language_id
WHERE po.product_option_id IN (:option_ids)
