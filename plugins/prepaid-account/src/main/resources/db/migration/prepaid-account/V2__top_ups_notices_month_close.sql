-- Top-up requests (PA-5), the language of an account's notices (PA-12) and closed months (PA-13).

-- A request to top up an account: first a payment request, credited to the ledger once paid. The payment
-- reference is the account's reference followed by a per-account sequence, so a bank transfer names both.
CREATE TABLE prepaid_account_top_up (
    id                 TEXT PRIMARY KEY,
    account_id         TEXT NOT NULL REFERENCES prepaid_account_account (id),
    seq                BIGINT NOT NULL,
    net_minor          BIGINT NOT NULL CHECK (net_minor > 0),
    state              TEXT NOT NULL CHECK (state IN ('REQUESTED', 'PAID', 'CANCELED')),
    payment_reference  TEXT NOT NULL UNIQUE,
    created_at         BIGINT NOT NULL,
    due_at             BIGINT NOT NULL,
    paid_at            BIGINT,
    paid_by            TEXT,
    external_reference TEXT,
    canceled_at        BIGINT,
    entry_id           TEXT,
    UNIQUE (account_id, seq)
);
CREATE INDEX prepaid_account_top_up_state ON prepaid_account_top_up (state, created_at);

ALTER TABLE prepaid_account_account ADD COLUMN notice_language TEXT;

-- One row per account and closed month: the month's settlement was published exactly once.
CREATE TABLE prepaid_account_month_close (
    account_id    TEXT NOT NULL REFERENCES prepaid_account_account (id),
    month         TEXT NOT NULL,
    charged_minor BIGINT NOT NULL,
    payments      INTEGER NOT NULL,
    closed_at     BIGINT NOT NULL,
    PRIMARY KEY (account_id, month)
);
