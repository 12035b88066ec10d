-- OpenCart 4.1: the lines of the given guest sessions' carts, with the catalogue's name, model,
-- image and SKU, and the price a guest pays today: the best active special (product_discount
-- with special = 1) of the store's default customer group, else the list price.
SELECT c.session_id, COALESCE(c.store_id, 0) AS cart_store, c.cart_id, c.product_id,
       c.`option` AS options_json, c.quantity, p.product_id AS catalog_product_id, p.model,
       (SELECT pc.`value`
        FROM ${prefix}product_code pc
        WHERE pc.product_id = c.product_id AND pc.code = 'SKU'
        LIMIT 1) AS sku,
       p.image, p.price, p.status AS product_status, pd.name,
       (SELECT CASE ps.type
                   WHEN 'P' THEN p.price * (1 - ps.price / 100)
                   WHEN 'S' THEN p.price - ps.price
                   ELSE ps.price
               END
        FROM ${prefix}product_discount ps
        WHERE ps.product_id = c.product_id
          AND ps.special = 1
          AND ps.quantity = 1
          AND ps.customer_group_id = :customer_group_id
          AND (ps.date_start IS NULL OR ps.date_start = '0000-00-00' OR ps.date_start <= :today)
          AND (ps.date_end IS NULL OR ps.date_end = '0000-00-00' OR ps.date_end > :today)
        ORDER BY ps.priority, ps.price
        LIMIT 1) AS special_price
FROM ${prefix}cart c
LEFT JOIN ${prefix}product p ON p.product_id = c.product_id
LEFT JOIN ${prefix}product_description pd
       ON pd.product_id = c.product_id AND pd.language_id = :language_id
WHERE c.customer_id = 0
  AND c.session_id IN (:session_ids)
ORDER BY c.session_id, c.cart_id
