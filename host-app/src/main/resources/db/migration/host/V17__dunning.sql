-- Dunning runs (ADM-8). A run looks at the overdue, unpaid invoices, records the next level of each that is due and
-- queues one notice per customer. state: RUNNING, DONE or FAILED; as_of: the run's date (yyyy-mm-dd in the billing
-- zone). looked_at of total invoices are done; mails_queued notices went out. Dry runs (previews) are not stored. A
-- run still RUNNING six hours after it started was cut off by its host stopping: the next run marks it FAILED.
CREATE TABLE dunning_run (
    id            TEXT PRIMARY KEY,
    state         TEXT NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    as_of         TEXT NOT NULL,
    total         INTEGER NOT NULL DEFAULT 0,
    looked_at     INTEGER NOT NULL DEFAULT 0,
    mails_queued  INTEGER NOT NULL DEFAULT 0,
    error         TEXT,
    started_at    BIGINT NOT NULL,
    finished_at   BIGINT
);

-- What a run did with each invoice it looked at. outcome: DUNNED (level recorded, notice queued), NOT_DUE (the next
-- level's day has not come), COMPLETE (every level sent), EXCLUDED (the customer gets no reminders), NO_ADDRESS,
-- TAKEN (another run recorded the level first), SETTLED (paid or cancelled while the run went on). level: the level
-- recorded or next due, NULL when none. Money in minor units of currency.
CREATE TABLE dunning_run_item (
    run_id             TEXT NOT NULL REFERENCES dunning_run (id),
    invoice_id         TEXT NOT NULL,
    invoice_number     TEXT NOT NULL,
    customer_id        TEXT NOT NULL,
    outcome            TEXT NOT NULL,
    level              TEXT,
    currency           TEXT NOT NULL,
    outstanding_minor  BIGINT NOT NULL,
    fee_minor          BIGINT NOT NULL DEFAULT 0,
    interest_minor     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, invoice_id)
);

-- The levels an invoice has reached: REMINDER, FIRST_DUNNING, SECOND_DUNNING, each at most once (the key), written with
-- the notice's mail in one transaction so that two runs at once send it once. The fee and the interest are what the
-- notice charged for this level; the invoice itself never changes. Interest: outstanding_minor × interest_rate % per
-- year × days from interest_from to interest_to / 365, rounded half-up to the currency's minor unit; the next level's
-- interest starts at interest_to. sent_on: the run's date (yyyy-mm-dd), from which the next level's days count.
CREATE TABLE dunning_level (
    invoice_id         TEXT NOT NULL,
    level              TEXT NOT NULL CHECK (level IN ('REMINDER', 'FIRST_DUNNING', 'SECOND_DUNNING')),
    customer_id        TEXT NOT NULL,
    run_id             TEXT NOT NULL,
    currency           TEXT NOT NULL,
    outstanding_minor  BIGINT NOT NULL,
    fee_minor          BIGINT NOT NULL,
    interest_minor     BIGINT NOT NULL,
    interest_rate      TEXT NOT NULL,
    interest_from      TEXT NOT NULL,
    interest_to        TEXT NOT NULL,
    sent_on            TEXT NOT NULL,
    mail_id            TEXT,
    created_at         BIGINT NOT NULL,
    PRIMARY KEY (invoice_id, level)
);
CREATE INDEX dunning_level_customer ON dunning_level (customer_id);
