-- OpenCart 3.0, 4.0 and 4.1: the store settings the service needs, for every store. Rows of store N
-- override those of store 0, as in OpenCart's own loader.
SELECT store_id, `key`, `value`, serialized
FROM ${prefix}setting
WHERE code = 'config'
  AND `key` IN ('config_name', 'config_timezone', 'config_processing_status',
                'config_complete_status', 'config_currency', 'config_seo_url',
                'config_language', 'config_language_catalog', 'config_url', 'config_ssl',
                'config_country_id', 'config_void_status_id', 'config_fraud_status_id',
                'config_customer_group_id')
ORDER BY store_id
