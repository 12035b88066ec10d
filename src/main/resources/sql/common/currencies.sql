-- OpenCart 3.0, 4.0 and 4.1: decimal places and the rate of each currency against the default one.
SELECT code, decimal_place, `value`
FROM ${prefix}currency
