-- OpenCart 3.0, 4.0 and 4.1: the options chosen on the given orders' lines, as the order recorded
-- them.
SELECT order_product_id, name, `value`
FROM ${prefix}order_option
WHERE order_id IN (:order_ids)
ORDER BY order_option_id
