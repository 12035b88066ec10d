-- Sales that followed a recovery event: a purchase by a person who was sent a cart or
-- checkout event within the recovery window before it. One row per purchase.
CREATE TABLE sync_recovery (
    purchase_key  VARCHAR(191)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    store_id      INT           NOT NULL,
    revenue       DECIMAL(15,4) NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    sold_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (purchase_key),
    KEY sync_recovery_sold (sold_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
