-- OpenCart 3.0: stores other than store 0, which has no row here. The secure URL wins when the shop
-- has one.
SELECT store_id, name, url, `ssl` AS secure_url
FROM ${prefix}store
