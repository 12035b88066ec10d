-- Every running instance of the service checks in here. A claim names the instance that took
-- it, so that once that instance has stopped checking in (it was killed, or its machine died)
-- another instance may take its claims at once instead of after the claim lease. Times are
-- the service database's own UTC clock, so that instances on hosts whose clocks differ agree.
CREATE TABLE sync_instance (
    instance_id CHAR(36)     NOT NULL,
    host        VARCHAR(255) NOT NULL,
    pid         BIGINT       NOT NULL,
    started_at  DATETIME(3)  NOT NULL,
    seen_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (instance_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE sync_ledger
    ADD COLUMN claimed_by CHAR(36) NULL AFTER claim_token;
