-- A small OpenCart 3.0 shop for the demo and for tests: the tables the service reads, with
-- only the columns it needs (names and types as in OpenCart 3.0.x.x), plus a little
-- reference data. Written for this project, not copied from OpenCart's installer.
--
-- Load it with sql_mode 'NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION' (the mode OpenCart's driver
-- sets), so that '0000-00-00' dates are accepted as in a real shop. Table names carry the
-- default prefix oc_ as written. Statements are split at a semicolon that ends a line.
--
-- Every NOT NULL column has a default so that a test inserts only what it cares about:
-- OpenCart's own default where it has one, otherwise what the storefront writes for an
-- ordinary row (empty text, 0, zero dates, '+' prefixes, enabled customers, rate 1).
-- All tables are InnoDB here, although most 3.0 shops keep the MyISAM of the installer.

-- ---------------------------------------------------------------------------------------
-- Stores, settings and the lookup tables they point at
-- ---------------------------------------------------------------------------------------

DROP TABLE IF EXISTS oc_setting;
CREATE TABLE oc_setting (
  setting_id int(11) NOT NULL AUTO_INCREMENT,
  store_id int(11) NOT NULL DEFAULT '0',
  code varchar(128) NOT NULL DEFAULT '',
  `key` varchar(128) NOT NULL DEFAULT '',
  `value` text NOT NULL DEFAULT '',
  serialized tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (setting_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Store 0 never has a row here: its URL lives in OpenCart's config.php.
DROP TABLE IF EXISTS oc_store;
CREATE TABLE oc_store (
  store_id int(11) NOT NULL AUTO_INCREMENT,
  name varchar(64) NOT NULL DEFAULT '',
  url varchar(255) NOT NULL DEFAULT '',
  `ssl` varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (store_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_currency;
CREATE TABLE oc_currency (
  currency_id int(11) NOT NULL AUTO_INCREMENT,
  title varchar(32) NOT NULL DEFAULT '',
  code varchar(3) NOT NULL DEFAULT '',
  symbol_left varchar(12) NOT NULL DEFAULT '',
  symbol_right varchar(12) NOT NULL DEFAULT '',
  decimal_place char(1) NOT NULL DEFAULT '2',
  `value` double(15,8) NOT NULL DEFAULT '1.00000000',
  status tinyint(1) NOT NULL DEFAULT '0',
  date_modified datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (currency_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_language;
CREATE TABLE oc_language (
  language_id int(11) NOT NULL AUTO_INCREMENT,
  name varchar(32) NOT NULL DEFAULT '',
  code varchar(5) NOT NULL DEFAULT '',
  locale varchar(255) NOT NULL DEFAULT '',
  image varchar(64) NOT NULL DEFAULT '',
  directory varchar(32) NOT NULL DEFAULT '',
  sort_order int(3) NOT NULL DEFAULT '0',
  status tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (language_id),
  KEY name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_order_status;
CREATE TABLE oc_order_status (
  order_status_id int(11) NOT NULL AUTO_INCREMENT,
  language_id int(11) NOT NULL DEFAULT '1',
  name varchar(32) NOT NULL DEFAULT '',
  PRIMARY KEY (order_status_id, language_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_country;
CREATE TABLE oc_country (
  country_id int(11) NOT NULL AUTO_INCREMENT,
  name varchar(128) NOT NULL DEFAULT '',
  iso_code_2 varchar(2) NOT NULL DEFAULT '',
  iso_code_3 varchar(3) NOT NULL DEFAULT '',
  status tinyint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (country_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------
-- Customers, carts and storefront sessions
-- ---------------------------------------------------------------------------------------

DROP TABLE IF EXISTS oc_customer;
CREATE TABLE oc_customer (
  customer_id int(11) NOT NULL AUTO_INCREMENT,
  customer_group_id int(11) NOT NULL DEFAULT '1',
  store_id int(11) NOT NULL DEFAULT '0',
  language_id int(11) NOT NULL DEFAULT '1',
  firstname varchar(32) NOT NULL DEFAULT '',
  lastname varchar(32) NOT NULL DEFAULT '',
  email varchar(96) NOT NULL DEFAULT '',
  telephone varchar(32) NOT NULL DEFAULT '',
  password varchar(40) NOT NULL DEFAULT '',
  salt varchar(9) NOT NULL DEFAULT '',
  newsletter tinyint(1) NOT NULL DEFAULT '0',
  custom_field text NOT NULL DEFAULT '',
  ip varchar(40) NOT NULL DEFAULT '',
  status tinyint(1) NOT NULL DEFAULT '1',
  safe tinyint(1) NOT NULL DEFAULT '0',
  token text NOT NULL DEFAULT '',
  code varchar(40) NOT NULL DEFAULT '',
  date_added datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- `option` holds JSON: {"<product_option_id>": value} or [] for a product without options.
DROP TABLE IF EXISTS oc_cart;
CREATE TABLE oc_cart (
  cart_id int(11) unsigned NOT NULL AUTO_INCREMENT,
  api_id int(11) NOT NULL DEFAULT '0',
  customer_id int(11) NOT NULL DEFAULT '0',
  session_id varchar(32) NOT NULL DEFAULT '',
  product_id int(11) NOT NULL DEFAULT '0',
  recurring_id int(11) NOT NULL DEFAULT '0',
  `option` text NOT NULL DEFAULT '[]',
  quantity int(5) NOT NULL DEFAULT '1',
  date_added datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (cart_id),
  KEY cart_id (api_id, customer_id, session_id, product_id, recurring_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- data holds the PHP session as JSON (a guest's e-mail is under guest.email).
DROP TABLE IF EXISTS oc_session;
CREATE TABLE oc_session (
  session_id varchar(32) NOT NULL DEFAULT '',
  data text NOT NULL DEFAULT '',
  expire datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------
-- Catalogue: products, their names, specials, options and SEO keywords
-- ---------------------------------------------------------------------------------------

DROP TABLE IF EXISTS oc_product;
CREATE TABLE oc_product (
  product_id int(11) NOT NULL AUTO_INCREMENT,
  model varchar(64) NOT NULL DEFAULT '',
  sku varchar(64) NOT NULL DEFAULT '',
  upc varchar(12) NOT NULL DEFAULT '',
  ean varchar(14) NOT NULL DEFAULT '',
  jan varchar(13) NOT NULL DEFAULT '',
  isbn varchar(17) NOT NULL DEFAULT '',
  mpn varchar(64) NOT NULL DEFAULT '',
  location varchar(128) NOT NULL DEFAULT '',
  quantity int(4) NOT NULL DEFAULT '0',
  stock_status_id int(11) NOT NULL DEFAULT '0',
  image varchar(255) DEFAULT NULL,
  manufacturer_id int(11) NOT NULL DEFAULT '0',
  price decimal(15,4) NOT NULL DEFAULT '0.0000',
  tax_class_id int(11) NOT NULL DEFAULT '0',
  date_available date NOT NULL DEFAULT '0000-00-00',
  sort_order int(11) NOT NULL DEFAULT '0',
  status tinyint(1) NOT NULL DEFAULT '0',
  date_added datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  date_modified datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_product_description;
CREATE TABLE oc_product_description (
  product_id int(11) NOT NULL DEFAULT '0',
  language_id int(11) NOT NULL DEFAULT '1',
  name varchar(255) NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  tag text NOT NULL DEFAULT '',
  meta_title varchar(255) NOT NULL DEFAULT '',
  meta_description varchar(255) NOT NULL DEFAULT '',
  meta_keyword varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (product_id, language_id),
  KEY name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- price is the special price itself, and '0000-00-00' leaves that end of the window open.
DROP TABLE IF EXISTS oc_product_special;
CREATE TABLE oc_product_special (
  product_special_id int(11) NOT NULL AUTO_INCREMENT,
  product_id int(11) NOT NULL DEFAULT '0',
  customer_group_id int(11) NOT NULL DEFAULT '1',
  priority int(5) NOT NULL DEFAULT '1',
  price decimal(15,4) NOT NULL DEFAULT '0.0000',
  date_start date NOT NULL DEFAULT '0000-00-00',
  date_end date NOT NULL DEFAULT '0000-00-00',
  PRIMARY KEY (product_special_id),
  KEY product_id (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_product_to_store;
CREATE TABLE oc_product_to_store (
  product_id int(11) NOT NULL DEFAULT '0',
  store_id int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (product_id, store_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_option;
CREATE TABLE oc_option (
  option_id int(11) NOT NULL AUTO_INCREMENT,
  type varchar(32) NOT NULL DEFAULT '',
  sort_order int(3) NOT NULL DEFAULT '0',
  PRIMARY KEY (option_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_option_description;
CREATE TABLE oc_option_description (
  option_id int(11) NOT NULL DEFAULT '0',
  language_id int(11) NOT NULL DEFAULT '1',
  name varchar(128) NOT NULL DEFAULT '',
  PRIMARY KEY (option_id, language_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_option_value;
CREATE TABLE oc_option_value (
  option_value_id int(11) NOT NULL AUTO_INCREMENT,
  option_id int(11) NOT NULL DEFAULT '0',
  image varchar(255) NOT NULL DEFAULT '',
  sort_order int(3) NOT NULL DEFAULT '0',
  PRIMARY KEY (option_value_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_option_value_description;
CREATE TABLE oc_option_value_description (
  option_value_id int(11) NOT NULL DEFAULT '0',
  language_id int(11) NOT NULL DEFAULT '1',
  option_id int(11) NOT NULL DEFAULT '0',
  name varchar(128) NOT NULL DEFAULT '',
  PRIMARY KEY (option_value_id, language_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An option attached to one product: `value` is the preset of a text or date option.
DROP TABLE IF EXISTS oc_product_option;
CREATE TABLE oc_product_option (
  product_option_id int(11) NOT NULL AUTO_INCREMENT,
  product_id int(11) NOT NULL DEFAULT '0',
  option_id int(11) NOT NULL DEFAULT '0',
  `value` text NOT NULL DEFAULT '',
  required tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (product_option_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A choosable value of a select, radio or checkbox product option, and what it adds to the
-- unit price (price_prefix '+' or '-').
DROP TABLE IF EXISTS oc_product_option_value;
CREATE TABLE oc_product_option_value (
  product_option_value_id int(11) NOT NULL AUTO_INCREMENT,
  product_option_id int(11) NOT NULL DEFAULT '0',
  product_id int(11) NOT NULL DEFAULT '0',
  option_id int(11) NOT NULL DEFAULT '0',
  option_value_id int(11) NOT NULL DEFAULT '0',
  quantity int(3) NOT NULL DEFAULT '0',
  subtract tinyint(1) NOT NULL DEFAULT '0',
  price decimal(15,4) NOT NULL DEFAULT '0.0000',
  price_prefix varchar(1) NOT NULL DEFAULT '+',
  points int(8) NOT NULL DEFAULT '0',
  points_prefix varchar(1) NOT NULL DEFAULT '+',
  weight decimal(15,8) NOT NULL DEFAULT '0.00000000',
  weight_prefix varchar(1) NOT NULL DEFAULT '+',
  PRIMARY KEY (product_option_value_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 3.0 keys SEO URLs by a query string such as 'product_id=40'.
DROP TABLE IF EXISTS oc_seo_url;
CREATE TABLE oc_seo_url (
  seo_url_id int(11) NOT NULL AUTO_INCREMENT,
  store_id int(11) NOT NULL DEFAULT '0',
  language_id int(11) NOT NULL DEFAULT '1',
  query varchar(255) NOT NULL DEFAULT '',
  keyword varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (seo_url_id),
  KEY query (query),
  KEY keyword (keyword)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------
-- Orders. Status 0 is a checkout that reached the confirm step but was never placed.
-- ---------------------------------------------------------------------------------------

DROP TABLE IF EXISTS `oc_order`;
CREATE TABLE `oc_order` (
  order_id int(11) NOT NULL AUTO_INCREMENT,
  invoice_no int(11) NOT NULL DEFAULT '0',
  invoice_prefix varchar(26) NOT NULL DEFAULT '',
  store_id int(11) NOT NULL DEFAULT '0',
  store_name varchar(64) NOT NULL DEFAULT '',
  store_url varchar(255) NOT NULL DEFAULT '',
  customer_id int(11) NOT NULL DEFAULT '0',
  customer_group_id int(11) NOT NULL DEFAULT '0',
  firstname varchar(32) NOT NULL DEFAULT '',
  lastname varchar(32) NOT NULL DEFAULT '',
  email varchar(96) NOT NULL DEFAULT '',
  telephone varchar(32) NOT NULL DEFAULT '',
  payment_method varchar(128) NOT NULL DEFAULT '',
  payment_code varchar(128) NOT NULL DEFAULT '',
  total decimal(15,4) NOT NULL DEFAULT '0.0000',
  order_status_id int(11) NOT NULL DEFAULT '0',
  language_id int(11) NOT NULL DEFAULT '1',
  currency_id int(11) NOT NULL DEFAULT '0',
  currency_code varchar(3) NOT NULL DEFAULT '',
  currency_value decimal(15,8) NOT NULL DEFAULT '1.00000000',
  ip varchar(40) NOT NULL DEFAULT '',
  date_added datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  date_modified datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- price and tax are per unit, before tax, in the default currency.
DROP TABLE IF EXISTS oc_order_product;
CREATE TABLE oc_order_product (
  order_product_id int(11) NOT NULL AUTO_INCREMENT,
  order_id int(11) NOT NULL DEFAULT '0',
  product_id int(11) NOT NULL DEFAULT '0',
  name varchar(255) NOT NULL DEFAULT '',
  model varchar(64) NOT NULL DEFAULT '',
  quantity int(4) NOT NULL DEFAULT '1',
  price decimal(15,4) NOT NULL DEFAULT '0.0000',
  total decimal(15,4) NOT NULL DEFAULT '0.0000',
  tax decimal(15,4) NOT NULL DEFAULT '0.0000',
  reward int(8) NOT NULL DEFAULT '0',
  PRIMARY KEY (order_product_id),
  KEY order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TABLE IF EXISTS oc_order_option;
CREATE TABLE oc_order_option (
  order_option_id int(11) NOT NULL AUTO_INCREMENT,
  order_id int(11) NOT NULL DEFAULT '0',
  order_product_id int(11) NOT NULL DEFAULT '0',
  product_option_id int(11) NOT NULL DEFAULT '0',
  product_option_value_id int(11) NOT NULL DEFAULT '0',
  name varchar(255) NOT NULL DEFAULT '',
  `value` text NOT NULL DEFAULT '',
  type varchar(32) NOT NULL DEFAULT '',
  PRIMARY KEY (order_option_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The row with code 'total' equals oc_order.total.
DROP TABLE IF EXISTS oc_order_total;
CREATE TABLE oc_order_total (
  order_total_id int(10) NOT NULL AUTO_INCREMENT,
  order_id int(11) NOT NULL DEFAULT '0',
  code varchar(32) NOT NULL DEFAULT '',
  title varchar(255) NOT NULL DEFAULT '',
  `value` decimal(15,4) NOT NULL DEFAULT '0.0000',
  sort_order int(3) NOT NULL DEFAULT '0',
  PRIMARY KEY (order_total_id),
  KEY order_id (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per status change. As in OpenCart, there is no index on order_id.
DROP TABLE IF EXISTS oc_order_history;
CREATE TABLE oc_order_history (
  order_history_id int(11) NOT NULL AUTO_INCREMENT,
  order_id int(11) NOT NULL DEFAULT '0',
  order_status_id int(11) NOT NULL DEFAULT '0',
  notify tinyint(1) NOT NULL DEFAULT '0',
  comment text NOT NULL DEFAULT '',
  date_added datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (order_history_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------
-- Reference data of the demo shop "Tom & Jerry Supplies" (store 0 only, English only).
-- No customers, carts, sessions or orders: each test inserts its own.
-- ---------------------------------------------------------------------------------------

-- The shop name is stored HTML-encoded, as the admin form saves it. Store 0 has no
-- config_url or config_ssl: OpenCart takes its URL from config.php.
INSERT INTO oc_setting (store_id, code, `key`, `value`, serialized) VALUES
  (0, 'config', 'config_name', 'Tom &amp; Jerry Supplies', 0),
  (0, 'config', 'config_timezone', 'UTC', 0),
  (0, 'config', 'config_language', 'en-gb', 0),
  (0, 'config', 'config_currency', 'USD', 0),
  (0, 'config', 'config_seo_url', '0', 0),
  (0, 'config', 'config_country_id', '222', 0),
  (0, 'config', 'config_customer_group_id', '1', 0),
  (0, 'config', 'config_tax', '1', 0),
  (0, 'config', 'config_processing_status', '["5","1","2","12","3"]', 1),
  (0, 'config', 'config_complete_status', '["5","3"]', 1);

-- Rates are against USD, the default currency.
INSERT INTO oc_currency
  (currency_id, title, code, symbol_left, symbol_right, decimal_place, `value`, status,
   date_modified)
VALUES
  (1, 'Pound Sterling', 'GBP', '£', '', '2', 0.61250001, 1, '2024-03-01 06:00:00'),
  (2, 'US Dollar', 'USD', '$', '', '2', 1.00000000, 1, '2024-03-01 06:00:00'),
  (3, 'Euro', 'EUR', '', '€', '2', 0.78460002, 1, '2024-03-01 06:00:00'),
  (4, 'Japanese Yen', 'JPY', '¥', '', '0', 151.20000000, 1, '2024-03-01 06:00:00');

INSERT INTO oc_language
  (language_id, name, code, locale, image, directory, sort_order, status)
VALUES
  (1, 'English', 'en-gb', 'en-gb,en_GB.UTF-8,en_GB,english', 'gb.png', 'english', 1, 1);

-- The ids of OpenCart's demo statuses. There is deliberately no status 0.
INSERT INTO oc_order_status (order_status_id, language_id, name) VALUES
  (1, 1, 'Pending'),
  (2, 1, 'Processing'),
  (3, 1, 'Shipped'),
  (5, 1, 'Complete'),
  (7, 1, 'Canceled'),
  (8, 1, 'Denied'),
  (9, 1, 'Canceled Reversal'),
  (10, 1, 'Failed'),
  (11, 1, 'Refunded'),
  (12, 1, 'Reversed'),
  (13, 1, 'Chargeback'),
  (14, 1, 'Expired'),
  (15, 1, 'Processed'),
  (16, 1, 'Voided');

INSERT INTO oc_country (country_id, name, iso_code_2, iso_code_3, status) VALUES
  (81, 'Germany', 'DE', 'DEU', 1),
  (222, 'United Kingdom', 'GB', 'GBR', 1),
  (223, 'United States', 'US', 'USA', 1);

INSERT INTO oc_option (option_id, type, sort_order) VALUES
  (1, 'radio', 2),
  (4, 'text', 3),
  (5, 'select', 1);

INSERT INTO oc_option_description (option_id, language_id, name) VALUES
  (1, 1, 'Size'),
  (4, 1, 'Engraving'),
  (5, 1, 'Colour');

INSERT INTO oc_option_value (option_value_id, option_id, image, sort_order) VALUES
  (31, 1, '', 1),
  (32, 1, '', 2),
  (39, 5, '', 1),
  (40, 5, '', 2);

INSERT INTO oc_option_value_description (option_value_id, language_id, option_id, name) VALUES
  (31, 1, 1, 'Small'),
  (32, 1, 1, 'Large'),
  (39, 1, 5, 'Red'),
  (40, 1, 5, 'Blue');

-- Product 44 has a space in its image path (links must encode it), 45 is disabled.
INSERT INTO oc_product
  (product_id, model, sku, quantity, stock_status_id, image, manufacturer_id, price,
   tax_class_id, date_available, sort_order, status, date_added, date_modified)
VALUES
  (40, 'PHONE-11', 'TJ-PH-011', 120, 7, 'catalog/demo/iphone_1.jpg', 8, 101.0000,
   9, '2023-11-01', 1, 1, '2023-11-01 09:12:00', '2024-02-10 16:40:00'),
  (41, 'DESK-21', 'TJ-DT-021', 35, 7, 'catalog/demo/imac_1.jpg', 8, 122.0000,
   9, '2023-11-01', 2, 1, '2023-11-01 09:20:00', '2024-02-10 16:41:00'),
  (42, 'SCREEN-30', 'TJ-SC-030', 12, 7, 'catalog/demo/apple_cinema_30.jpg', 8, 100.0000,
   9, '2023-11-02', 3, 1, '2023-11-02 10:05:00', '2024-01-22 08:15:00'),
  (43, 'BOOK-13', 'TJ-NB-013', 60, 7, 'catalog/demo/macbook_1.jpg', 8, 500.0000,
   9, '2023-11-05', 4, 1, '2023-11-05 14:30:00', '2024-01-22 08:16:00'),
  (44, 'TEA-GR-100', 'TJ-TEA-100', 400, 7, 'catalog/demo/green tea.jpg', 0, 4.5000,
   9, '2024-01-15', 5, 1, '2024-01-15 11:00:00', '2024-01-15 11:00:00'),
  (45, 'CAM-5D', 'TJ-CAM-005', 0, 5, 'catalog/demo/canon_eos_5d_1.jpg', 9, 80.0000,
   9, '2023-11-07', 6, 0, '2023-11-07 12:45:00', '2024-02-28 17:05:00');

-- Names are stored HTML-encoded, as the admin form saves them (42 holds a double quote).
INSERT INTO oc_product_description
  (product_id, language_id, name, description, tag, meta_title)
VALUES
  (40, 1, 'iPhone', 'A phone that also plays music.', 'phone, apple', 'iPhone'),
  (41, 1, 'iMac', 'An all-in-one desktop computer.', 'desktop', 'iMac'),
  (42, 1, 'Apple Cinema 30&quot;', 'A thirty-inch flat panel display.', 'display',
   'Apple Cinema 30 inch'),
  (43, 1, 'MacBook', 'A light notebook, engraved on request.', 'notebook', 'MacBook'),
  (44, 1, 'Чай зелёный', 'Зелёный листовой чай, 100 г.', 'чай', 'Чай зелёный'),
  (45, 1, 'Canon EOS 5D', 'A full-frame digital camera body.', 'camera', 'Canon EOS 5D');

INSERT INTO oc_product_to_store (product_id, store_id) VALUES
  (40, 0), (41, 0), (42, 0), (43, 0), (44, 0), (45, 0);

-- An open-ended special for the default customer group, below the list price of 122.
INSERT INTO oc_product_special
  (product_special_id, product_id, customer_group_id, priority, price, date_start, date_end)
VALUES
  (1, 41, 1, 1, 98.0000, '0000-00-00', '0000-00-00');

-- The display comes in red at list price or in blue for 5 more, and the notebook takes an
-- optional engraving text.
INSERT INTO oc_product_option (product_option_id, product_id, option_id, `value`, required)
VALUES
  (226, 42, 5, '', 1),
  (227, 43, 4, '', 0);

INSERT INTO oc_product_option_value
  (product_option_value_id, product_option_id, product_id, option_id, option_value_id,
   quantity, subtract, price, price_prefix, points, points_prefix, weight, weight_prefix)
VALUES
  (15, 226, 42, 5, 39, 8, 1, 0.0000, '+', 0, '+', 0.00000000, '+'),
  (16, 226, 42, 5, 40, 4, 1, 5.0000, '+', 0, '+', 0.00000000, '+');

INSERT INTO oc_seo_url (seo_url_id, store_id, language_id, query, keyword) VALUES
  (1, 0, 1, 'product_id=40', 'iphone'),
  (2, 0, 1, 'product_id=41', 'imac');
