-- Why a poll could not read the shop (a lost connection, a renamed table); null when it could.
ALTER TABLE sync_run
    ADD COLUMN error VARCHAR(1024) NULL AFTER skip_reasons;
