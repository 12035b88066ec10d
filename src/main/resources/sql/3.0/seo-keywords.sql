-- OpenCart 3.0: SEO keywords of the given products, per store and language. 3.0 keeps the query as
-- one string ('product_id=40'); it is split here into the key and value columns that 4.x has, so
-- that one reader serves every version.
SELECT store_id, language_id, SUBSTRING_INDEX(query, '=', 1) AS query_key,
       SUBSTRING_INDEX(query, '=', -1) AS query_value, keyword, 0 AS sort_order
FROM ${prefix}seo_url
WHERE query IN (:queries)
