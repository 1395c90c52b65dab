-- The prepaid account ledger. Same SQL on SQLite and PostgreSQL: money in BIGINT minor units of the
-- account's currency, times in epoch milliseconds, flags INTEGER 0/1.

-- A deposit scheme set up by the operator: its currency, the smallest top-up (excluding VAT), whether
-- only domain services may be paid from it, and the credit line new accounts get.
CREATE TABLE prepaid_account_scheme (
    id                        TEXT PRIMARY KEY,
    name                      TEXT NOT NULL,
    currency                  TEXT NOT NULL,
    min_top_up_minor          BIGINT NOT NULL CHECK (min_top_up_minor >= 0),
    domains_only              INTEGER NOT NULL CHECK (domains_only IN (0, 1)),
    default_credit_line_minor BIGINT NOT NULL CHECK (default_credit_line_minor >= 0),
    created_at                BIGINT NOT NULL
);

-- One account per owner (reseller). balance_minor and held_minor are caches of the entries and active
-- holds, changed only in the transaction that writes the entry or hold; lock_version is bumped first in
-- every movement, which takes the row lock on PostgreSQL.
CREATE TABLE prepaid_account_account (
    id                          TEXT PRIMARY KEY,
    owner_id                    TEXT NOT NULL UNIQUE,
    scheme_id                   TEXT NOT NULL REFERENCES prepaid_account_scheme (id),
    currency                    TEXT NOT NULL,
    state                       TEXT NOT NULL CHECK (state IN ('APPLIED', 'ACTIVE', 'SUSPENDED', 'CLOSED')),
    credit_line_minor           BIGINT NOT NULL CHECK (credit_line_minor >= 0),
    beyond_credit_line          INTEGER NOT NULL CHECK (beyond_credit_line IN (0, 1)),
    balance_minor               BIGINT NOT NULL,
    held_minor                  BIGINT NOT NULL CHECK (held_minor >= 0),
    entry_count                 BIGINT NOT NULL,
    lock_version                BIGINT NOT NULL,
    payment_reference           TEXT NOT NULL UNIQUE,
    notify_email                TEXT,
    low_balance_threshold_minor BIGINT,
    low_balance_notified        INTEGER NOT NULL CHECK (low_balance_notified IN (0, 1)),
    upcoming_notices            INTEGER NOT NULL CHECK (upcoming_notices IN (0, 1)),
    auto_renew                  INTEGER NOT NULL CHECK (auto_renew IN (0, 1)),
    applied_at                  BIGINT NOT NULL,
    activated_at                BIGINT,
    activated_by                TEXT
);

-- Append-only: a mistake is corrected by a reversal entry, never by an update or delete.
CREATE TABLE prepaid_account_entry (
    id                  TEXT PRIMARY KEY,
    account_id          TEXT NOT NULL REFERENCES prepaid_account_account (id),
    seq                 BIGINT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('TOP_UP', 'CHARGE', 'REFUND', 'ADJUSTMENT', 'REVERSAL')),
    amount_minor        BIGINT NOT NULL,
    balance_after_minor BIGINT NOT NULL,
    idempotency_key     TEXT NOT NULL UNIQUE,
    hold_id             TEXT,
    charge_kind         TEXT,
    domain              TEXT,
    period              TEXT,
    net_minor           BIGINT,
    tax_minor           BIGINT,
    description         TEXT,
    reason              TEXT,
    reverses_entry_id   TEXT UNIQUE,
    actor               TEXT,
    created_at          BIGINT NOT NULL,
    UNIQUE (account_id, seq)
);
CREATE INDEX prepaid_account_entry_account_time ON prepaid_account_entry (account_id, created_at);

CREATE TABLE prepaid_account_hold (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES prepaid_account_account (id),
    idempotency_key TEXT NOT NULL UNIQUE,
    charge_kind     TEXT NOT NULL,
    amount_minor    BIGINT NOT NULL CHECK (amount_minor > 0),
    net_minor       BIGINT NOT NULL,
    tax_minor       BIGINT NOT NULL,
    domain          TEXT,
    period          TEXT,
    description     TEXT,
    state           TEXT NOT NULL CHECK (state IN ('ACTIVE', 'CAPTURED', 'RELEASED')),
    expires_at      BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    settled_at      BIGINT,
    entry_id        TEXT
);
CREATE INDEX prepaid_account_hold_state ON prepaid_account_hold (state, expires_at);
CREATE INDEX prepaid_account_hold_account ON prepaid_account_hold (account_id, state);
