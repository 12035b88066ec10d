-- A fingerprint of the contact's email (not the email itself) on every ledger row, so that
-- recovery events to one person can be spaced by a cool-down across carts and checkouts.
ALTER TABLE sync_ledger
    ADD COLUMN contact CHAR(16) NULL AFTER kind,
    ADD KEY sync_ledger_contact (contact, status, updated_at);
