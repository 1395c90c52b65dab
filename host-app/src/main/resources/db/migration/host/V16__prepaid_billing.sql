-- The billing side of prepaid accounts (PA-13), filled from the prepaid-account plugin's events.

-- A paid top-up: the advance the reseller paid, for which an advance tax document is due within 15 days. due_at: when
-- the document is issued (the payment, or later by billing.advance-documents.delay-days); invoice_id: the document
-- once drafted; issued_at: when it was issued and marked paid. Money in minor units of currency.
CREATE TABLE prepaid_advance (
    top_up_id    TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    owner_id     TEXT NOT NULL,
    net_minor    BIGINT NOT NULL,
    currency     TEXT NOT NULL,
    paid_at      BIGINT NOT NULL,
    due_at       BIGINT NOT NULL,
    invoice_id   TEXT,
    issued_at    BIGINT
);
CREATE INDEX prepaid_advance_due ON prepaid_advance (due_at) WHERE issued_at IS NULL;

-- Every draw from a prepaid account (PrepaidCharged), once per ledger entry whatever the redeliveries. month: yyyy-mm
-- of charged_at in the billing zone; net_minor: what the ledger was debited (a net amount); period: e.g. 1y, or NULL.
CREATE TABLE prepaid_draw (
    entry_id     TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    owner_id     TEXT NOT NULL,
    month        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    domain       TEXT,
    period       TEXT,
    description  TEXT NOT NULL,
    net_minor    BIGINT NOT NULL,
    currency     TEXT NOT NULL,
    charged_at   BIGINT NOT NULL
);
CREATE INDEX prepaid_draw_account_month ON prepaid_draw (account_id, month);

-- A closed month of a prepaid account (PrepaidMonthClosed) and its settlement document. payments and charged_minor:
-- what the ledger counted; the settlement waits until the recorded draws match both. state: PENDING, then SETTLED
-- (invoice_id issued) or EMPTY (no draws, no document). invoice_id is set in the transaction that drafts the document.
CREATE TABLE prepaid_settlement (
    account_id     TEXT NOT NULL,
    month          TEXT NOT NULL,
    owner_id       TEXT NOT NULL,
    payments       INTEGER NOT NULL,
    charged_minor  BIGINT NOT NULL,
    currency       TEXT NOT NULL,
    closed_at      BIGINT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('PENDING', 'SETTLED', 'EMPTY')),
    invoice_id     TEXT,
    settled_at     BIGINT,
    PRIMARY KEY (account_id, month)
);
CREATE INDEX prepaid_settlement_pending ON prepaid_settlement (month, account_id) WHERE state = 'PENDING';
