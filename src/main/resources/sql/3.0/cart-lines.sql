-- OpenCart 3.0 and 4.0: the lines of the given customers' carts, and of the given guest
-- sessions' carts, with the catalogue's name, model and image, and the price the shopper's
-- group pays today: its best active special (ordered as OpenCart orders them), else the list
-- price. Guests shop in the store's default group, :customer_group_id. Prices are in the
-- default currency, before tax.
SELECT c.customer_id, c.session_id, COALESCE(cu.store_id, 0) AS cart_store, c.cart_id,
       c.product_id, c.`option` AS options_json, c.quantity,
       p.product_id AS catalog_product_id, p.model, p.sku, p.image, p.price,
       p.status AS product_status, pd.name,
       (SELECT ps.price
        FROM ${prefix}product_special ps
        WHERE ps.product_id = c.product_id
          AND ps.customer_group_id = COALESCE(cu.customer_group_id, :customer_group_id)
          AND (ps.date_start = '0000-00-00' OR ps.date_start <= :today)
          AND (ps.date_end = '0000-00-00' OR ps.date_end > :today)
        ORDER BY ps.priority, ps.price
        LIMIT 1) AS special_price
FROM ${prefix}cart c
LEFT JOIN ${prefix}customer cu ON cu.customer_id = c.customer_id AND c.customer_id > 0
LEFT JOIN ${prefix}product p ON p.product_id = c.product_id
LEFT JOIN ${prefix}product_description pd
       ON pd.product_id = c.product_id AND pd.language_id = :language_id
WHERE c.api_id = 0
  AND (c.customer_id IN (:customer_ids)
       OR (c.customer_id = 0 AND c.session_id IN (:session_ids)))
ORDER BY c.customer_id, c.session_id, c.cart_id
