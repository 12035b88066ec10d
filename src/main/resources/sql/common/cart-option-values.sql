-- OpenCart 3.0, 4.0 and 4.1: the chosen values of select, radio and checkbox options, with the
-- amount each adds to or takes off the unit price.
SELECT pov.product_option_value_id, ovd.name, pov.price, pov.price_prefix
FROM ${prefix}product_option_value pov
JOIN ${prefix}option_value_description ovd
  ON ovd.option_value_id = pov.option_value_id AND ovd.language_id = :language_id
WHERE pov.product_option_value_id IN (:value_ids)
