-- OpenCart 3.0: SEO keywords of the given products ('product_id=40'), per store and language.
SELECT store_id, language_id, query, keyword
FROM ${prefix}seo_url
WHERE query IN (:queries)
