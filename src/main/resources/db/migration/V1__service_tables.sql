-- The service's own state. It lives apart from OpenCart's tables, so the shop connection
-- can be a read-only user. Times are UTC.

-- One row per detected item, keyed by its business key. The primary key makes the claim
-- atomic: two polls or two instances cannot both send the same item.
CREATE TABLE sync_ledger (
    item_key     VARCHAR(191) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    reason       VARCHAR(64)  NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    payload_hash CHAR(64)     NULL,
    claimed_at   DATETIME(3)  NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (item_key),
    KEY sync_ledger_kind_status (kind, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Items that SendPulse refused or that could not be delivered after every retry, with the
-- exact request body, so that an operator can see why and replay them.
CREATE TABLE sync_error (
    error_id         BIGINT        NOT NULL AUTO_INCREMENT,
    item_key         VARCHAR(191)  NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    endpoint         VARCHAR(512)  NOT NULL,
    request_body     MEDIUMTEXT    NOT NULL,
    http_status      INT           NULL,
    error_code       VARCHAR(64)   NULL,
    error_message    VARCHAR(1024) NULL,
    response_excerpt TEXT          NULL,
    exception        TEXT          NULL,
    attempts         INT           NOT NULL,
    first_failed_at  DATETIME(3)   NOT NULL,
    last_failed_at   DATETIME(3)   NOT NULL,
    replay_count     INT           NOT NULL DEFAULT 0,
    state            VARCHAR(16)   NOT NULL,
    PRIMARY KEY (error_id),
    UNIQUE KEY sync_error_item (item_key),
    KEY sync_error_state (state, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where each cursor-driven detector resumes, e.g. the last order_history_id read.
CREATE TABLE sync_cursor (
    name       VARCHAR(64) NOT NULL,
    position   BIGINT      NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per poll of a detector: what it found and what became of it.
CREATE TABLE sync_run (
    run_id      BIGINT       NOT NULL AUTO_INCREMENT,
    detector    VARCHAR(32)  NOT NULL,
    started_at  DATETIME(3)  NOT NULL,
    duration_ms BIGINT       NOT NULL,
    found       INT          NOT NULL,
    sent        INT          NOT NULL,
    skipped     INT          NOT NULL,
    failed      INT          NOT NULL,
    skip_reasons VARCHAR(1024) NULL,
    PRIMARY KEY (run_id),
    KEY sync_run_detector (detector, run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
