-- Settling a hold changes its state: an index over state makes every settlement rewrite every index of the
-- hold (PostgreSQL cannot update such a row in place). Stale holds are found by expiry and a hold's account
-- by account alone; entries are listed by (account_id, seq), which also serves a time window.
DROP INDEX prepaid_account_hold_state;
DROP INDEX prepaid_account_hold_account;
DROP INDEX prepaid_account_entry_account_time;
CREATE INDEX prepaid_account_hold_expiry ON prepaid_account_hold (expires_at);
CREATE INDEX prepaid_account_hold_of_account ON prepaid_account_hold (account_id);
