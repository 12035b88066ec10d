-- OpenCart 3.0, 4.0 and 4.1: the URL of store 0 as the newest order recorded it; used only when
-- opencart.store-url is not set. Reads the primary key backwards, so it stays cheap.
SELECT store_url
FROM `${prefix}order`
WHERE store_id = 0 AND store_url <> ''
ORDER BY order_id DESC
LIMIT 1
