-- Upcoming payments (PA-11): a domain of a reseller 30 days or fewer before its expiry is an upcoming payment,
-- issued the first time it is listed or noticed, due a configured number of days after issue (10 by
-- default). One row per domain and expiry: a renewal moves the expiry, and the next expiry is a new payment.
-- notice_sent_at: the one notice about it went out (or was claimed for sending); null while none has.
-- (V10 leaves room for the ledger's own migrations, which are numbered on from V3.)
CREATE TABLE prepaid_account_upcoming (
    account_id     TEXT NOT NULL,
    domain         TEXT NOT NULL,
    expires_at     BIGINT NOT NULL,
    issued_at      BIGINT NOT NULL,
    due_at         BIGINT NOT NULL,
    notice_sent_at BIGINT,
    PRIMARY KEY (domain, expires_at)
);
CREATE INDEX prepaid_account_upcoming_account ON prepaid_account_upcoming (account_id, expires_at);
