-- The service's copy of guest carts whose shopper typed an email. OpenCart 3.0 and 4.0 delete
-- guest cart lines an hour after they were added, before they could count as abandoned, so
-- the service keeps what the cart held and decides from this copy.
CREATE TABLE sync_guest_cart (
    cart_id     VARCHAR(64)  NOT NULL,
    store_id    INT          NOT NULL,
    email       VARCHAR(96)  NOT NULL,
    first_name  VARCHAR(64)  NULL,
    last_name   VARCHAR(64)  NULL,
    telephone   VARCHAR(32)  NULL,
    currency    VARCHAR(3)   NULL,
    fingerprint CHAR(16)     NOT NULL,
    lines_json  MEDIUMTEXT   NOT NULL,
    first_seen  DATETIME     NOT NULL,
    last_change DATETIME     NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (cart_id),
    KEY sync_guest_cart_last_change (last_change)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
