-- Only active holds are ever looked up by account or by expiry (the held sum, the stale-hold sweep, the
-- active holds of an account); settled holds are found by their key. One partial index over active holds
-- replaces the two indexes over all holds: a hold is written to one index less, and on PostgreSQL a
-- settlement, which cannot update the hold's row in place, no longer adds entries to either.
DROP INDEX prepaid_account_hold_expiry;
DROP INDEX prepaid_account_hold_of_account;
CREATE INDEX prepaid_account_hold_active ON prepaid_account_hold (account_id, expires_at) WHERE state = 'ACTIVE';
