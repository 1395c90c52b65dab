-- A domain operation (create, renew, transfer, restore) paid from a funding source. The intent is
-- recorded and committed before any money is held or any registry is called, so that a janitor can
-- settle what a crashed process left behind. One key names the operation, its hold and its registry
-- command (EPP clTRID).
--
-- state: RECORDED (intent only; the registry has not been called), HELD (funds held; the registry call
-- may be under way), UNSETTLED (the registry answered PENDING or UNDEFINED; the hold stays), COMPLETED
-- (done and captured), FAILED (not done; hold released or never made), REFUSED (insufficient funds;
-- nothing held, nothing called), HELD_FOR_REVIEW (for a person in the clearing center).
CREATE TABLE domain_operation (
    operation_key      TEXT PRIMARY KEY,
    customer_id        TEXT NOT NULL,
    domain             TEXT NOT NULL,
    kind               TEXT NOT NULL,
    period             TEXT,
    amount_minor       BIGINT NOT NULL CHECK (amount_minor > 0),
    currency           TEXT NOT NULL,
    funding_source_id  TEXT NOT NULL,
    registry_id        TEXT NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('RECORDED', 'HELD', 'UNSETTLED', 'COMPLETED', 'FAILED',
                                                      'REFUSED', 'HELD_FOR_REVIEW')),
    outcome_status     TEXT,
    outcome_code       TEXT,
    outcome_message    TEXT,
    registry_reference TEXT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX domain_operation_state ON domain_operation (state, updated_at);
CREATE INDEX domain_operation_customer ON domain_operation (customer_id, created_at);
