-- OpenCart 4.0 and 4.1: stores other than store 0, which has no row here. 4.x has one URL per
-- store.
SELECT store_id, name, url, url AS secure_url
FROM ${prefix}store
