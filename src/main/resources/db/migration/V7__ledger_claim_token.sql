-- Items are claimed a poll's page at a time, in one statement: each claim writes its own token,
-- so that the poll can tell the rows it took from those another poll or instance holds.
ALTER TABLE sync_ledger
    ADD COLUMN claim_token CHAR(36) NULL AFTER claimed_at;
