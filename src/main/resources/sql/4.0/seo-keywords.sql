-- OpenCart 4.0 and 4.1: SEO keywords of the given products, with the keywords of the language codes
-- and of the product route, which 4.x puts in front of a product's own keyword (en-
-- gb/product/iphone), ordered by sort_order.
SELECT store_id, language_id, `key` AS query_key, `value` AS query_value, keyword, sort_order
FROM ${prefix}seo_url
WHERE (`key` = 'product_id' AND `value` IN (:product_ids))
   OR `key` = 'language'
   OR (`key` = 'route' AND `value` = 'product/product')
