-- OpenCart 4.1: the lines of the given orders. Name, model and price are the order's own snapshot,
-- so a product deleted since still reads right; the catalogue adds the image, and product_code the
-- SKU (4.1.0.4 moved it there). Prices are per unit, before tax, in the default currency.
SELECT op.order_id, op.order_product_id, op.product_id, op.name, op.model, op.quantity,
       op.price, op.total, p.product_id AS catalog_product_id,
       (SELECT pc.`value`
        FROM ${prefix}product_code pc
        WHERE pc.product_id = op.product_id AND pc.code = 'SKU'
        LIMIT 1) AS sku,
       p.image
FROM ${prefix}order_product op
LEFT JOIN ${prefix}product p ON p.product_id = op.product_id
WHERE op.order_id IN (:order_ids)
ORDER BY op.order_id, op.order_product_id
