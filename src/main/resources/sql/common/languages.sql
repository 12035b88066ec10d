-- OpenCart 3.0, 4.0 and 4.1: language codes, to find the store's default language id.
SELECT language_id, code
FROM ${prefix}language
