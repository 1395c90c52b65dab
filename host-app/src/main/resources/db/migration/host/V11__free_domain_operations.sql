-- A domain operation may cost nothing (a voucher that covers the whole line): nothing is held and the
-- settlement completes without a capture. The table is rebuilt because SQLite cannot change a CHECK.
CREATE TABLE domain_operation_v11 (
    operation_key      TEXT PRIMARY KEY,
    customer_id        TEXT NOT NULL,
    domain             TEXT NOT NULL,
    kind               TEXT NOT NULL,
    period             TEXT,
    amount_minor       BIGINT NOT NULL CHECK (amount_minor >= 0),
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
INSERT INTO domain_operation_v11 (operation_key, customer_id, domain, kind, period, amount_minor, currency,
                                  funding_source_id, registry_id, state, outcome_status, outcome_code,
                                  outcome_message, registry_reference, created_at, updated_at)
SELECT operation_key, customer_id, domain, kind, period, amount_minor, currency, funding_source_id, registry_id,
       state, outcome_status, outcome_code, outcome_message, registry_reference, created_at, updated_at
FROM domain_operation;
DROP TABLE domain_operation;
ALTER TABLE domain_operation_v11 RENAME TO domain_operation;
CREATE INDEX domain_operation_state ON domain_operation (state, updated_at);
CREATE INDEX domain_operation_customer ON domain_operation (customer_id, created_at);
