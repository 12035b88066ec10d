-- Where the shop's order_history stood at a moment: its highest id, and the shop database's
-- UTC time then. OpenCart has no index on order_history.order_id, so a look-up of some orders'
-- status changes reads only the ids above the mark of a day before the oldest change it needs,
-- instead of the whole table.
CREATE TABLE sync_history_mark (
    marked_at  DATETIME(3) NOT NULL,
    history_id BIGINT      NOT NULL,
    PRIMARY KEY (marked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
