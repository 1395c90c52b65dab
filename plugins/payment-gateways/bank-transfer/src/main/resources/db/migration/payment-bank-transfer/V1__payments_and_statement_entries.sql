-- Bank transfer payments and the statement entries that pay them. Same SQL on SQLite and PostgreSQL: money in BIGINT
-- minor units with the currency code, times in epoch milliseconds.

-- Counters taken with an UPDATE, which holds the row's lock until commit, so concurrent purchases number in turn.
CREATE TABLE payment_bank_transfer_counter (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO payment_bank_transfer_counter (name, value) VALUES ('payment', 0);

-- A payment the host asked for (purchase): what the payer is to transfer and the reference they are to quote.
-- id is the gateway reference the host keeps; seq numbers payments that bring no number of their own.
CREATE TABLE payment_bank_transfer_payment (
    id               TEXT PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,
    seq              BIGINT NOT NULL UNIQUE,
    customer_id      TEXT,
    kontor_reference TEXT NOT NULL,
    scheme           TEXT NOT NULL CHECK (scheme IN ('FIK', 'VARIABLE_SYMBOL', 'RF')),
    reference_key    TEXT NOT NULL,
    reference_shown  TEXT NOT NULL,
    amount_minor     BIGINT NOT NULL CHECK (amount_minor > 0),
    currency         TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('PENDING', 'PAID')),
    paid_minor       BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    paid_at          BIGINT
);
CREATE INDEX payment_bank_transfer_payment_reference ON payment_bank_transfer_payment (scheme, reference_key);

-- Every credit read from a statement, once per bank entry: entry_key is the account and the bank's reference of the
-- entry, so importing a statement again adds nothing. state MATCHED paid a payment exactly; QUEUED waits for the
-- operator (reason PARTIAL, OVERPAID, UNMATCHED, NO_REFERENCE, ALREADY_PAID, CURRENCY); RESOLVED was assigned by hand,
-- DISMISSED was set aside by hand (returned to the payer, not a payment for Kontor).
CREATE TABLE payment_bank_transfer_entry (
    id               TEXT PRIMARY KEY,
    entry_key        TEXT NOT NULL UNIQUE,
    source           TEXT NOT NULL,
    statement_id     TEXT NOT NULL,
    account          TEXT NOT NULL,
    entry_reference  TEXT NOT NULL,
    booking_date     TEXT,
    amount_minor     BIGINT NOT NULL CHECK (amount_minor > 0),
    currency         TEXT NOT NULL,
    reference_found  TEXT,
    remittance       TEXT,
    payer            TEXT,
    payment_id       TEXT REFERENCES payment_bank_transfer_payment (id),
    state            TEXT NOT NULL CHECK (state IN ('MATCHED', 'QUEUED', 'RESOLVED', 'DISMISSED')),
    reason           TEXT,
    notification_id  TEXT UNIQUE,
    imported_at      BIGINT NOT NULL,
    resolved_at      BIGINT,
    resolved_by      TEXT,
    note             TEXT
);
CREATE INDEX payment_bank_transfer_entry_state ON payment_bank_transfer_entry (state, imported_at);
CREATE INDEX payment_bank_transfer_entry_payment ON payment_bank_transfer_entry (payment_id);
