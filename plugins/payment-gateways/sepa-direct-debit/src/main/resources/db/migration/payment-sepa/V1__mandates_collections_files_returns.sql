-- SEPA direct debit. Same SQL on SQLite and PostgreSQL: money in BIGINT minor units (EUR cents), times in
-- epoch milliseconds, calendar days as ISO text (yyyy-mm-dd), flags INTEGER 0/1.

-- A mandate the debtor signed: the creditor may collect from this account under this reference.
CREATE TABLE payment_sepa_mandate (
    id            TEXT PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,
    customer_id   TEXT NOT NULL,
    debtor_name   TEXT NOT NULL,
    iban          TEXT NOT NULL,
    bic           TEXT,
    signed_on     TEXT NOT NULL,
    scheme        TEXT NOT NULL CHECK (scheme IN ('CORE', 'B2B')),
    recurring     INTEGER NOT NULL CHECK (recurring IN (0, 1)),
    state         TEXT NOT NULL CHECK (state IN ('ACTIVE', 'REVOKED')),
    email         TEXT,
    language      TEXT,
    lock_version  BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    revoked_at    BIGINT,
    revoked_by    TEXT,
    revoke_reason TEXT
);
CREATE INDEX payment_sepa_mandate_customer ON payment_sepa_mandate (customer_id, state);

-- A collection file (pain.008) as handed to the bank.
CREATE TABLE payment_sepa_file (
    id                TEXT PRIMARY KEY,
    message_id        TEXT NOT NULL UNIQUE,
    file_name         TEXT NOT NULL,
    transactions      BIGINT NOT NULL,
    control_sum_minor BIGINT NOT NULL,
    created_at        BIGINT NOT NULL,
    created_by        TEXT
);

-- One direct debit per idempotency key. PENDING: recorded, not yet in a file; SUBMITTED: in a file;
-- RETURNED: the bank gave it back (reason_code), the payment is reversed once.
CREATE TABLE payment_sepa_collection (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    end_to_end_id   TEXT NOT NULL UNIQUE,
    mandate_id      TEXT NOT NULL REFERENCES payment_sepa_mandate (id),
    customer_id     TEXT NOT NULL,
    amount_minor    BIGINT NOT NULL CHECK (amount_minor > 0),
    currency        TEXT NOT NULL CHECK (currency = 'EUR'),
    sequence_type   TEXT NOT NULL CHECK (sequence_type IN ('FRST', 'RCUR', 'FNAL', 'OOFF')),
    due_date        TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('PENDING', 'SUBMITTED', 'RETURNED')),
    reference       TEXT NOT NULL,
    description     TEXT,
    prenotified_at  BIGINT,
    file_id         TEXT REFERENCES payment_sepa_file (id),
    submitted_at    BIGINT,
    reason_code     TEXT,
    returned_at     BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX payment_sepa_collection_state ON payment_sepa_collection (state, due_date);
CREATE INDEX payment_sepa_collection_mandate ON payment_sepa_collection (mandate_id, state);

-- Each return as a payment notification for the host; one per collection, so a return is applied once.
CREATE TABLE payment_sepa_return (
    notification_id TEXT PRIMARY KEY,
    collection_id   TEXT NOT NULL UNIQUE REFERENCES payment_sepa_collection (id),
    reason_code     TEXT NOT NULL,
    amount_minor    BIGINT NOT NULL,
    currency        TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    created_by      TEXT
);
