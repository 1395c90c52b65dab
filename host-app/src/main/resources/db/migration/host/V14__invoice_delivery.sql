-- How issued billing documents reached the customer (BIL-2 e-mail, BIL-5 letter post): one row per document, channel
-- and round. Round 0 is the delivery after issuing, unique so that a document is never sent twice on a channel; an
-- operator's resend adds round 1, 2, ... channel: EMAIL or POST. recipient: the e-mail address, or the postal address
-- on one line. provider: the letter post provider's id. state: QUEUED (waiting for the mail sender or the provider),
-- SENT, FAILED (gave up after the last attempt, or the provider rejected the letter), SKIPPED (the customer is excluded
-- from invoicing, or there is nowhere to send it). mail_id: the mail_queue row of an e-mail, whose status the log
-- follows. While a letter is in flight, next_attempt_at is the time another host may take it over.
CREATE TABLE invoice_delivery (
    id                  TEXT PRIMARY KEY,
    invoice_id          TEXT NOT NULL REFERENCES invoice (id),
    channel             TEXT NOT NULL CHECK (channel IN ('EMAIL', 'POST')),
    round               INTEGER NOT NULL,
    recipient           TEXT,
    provider            TEXT,
    state               TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'FAILED', 'SKIPPED')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT,
    mail_id             TEXT,
    provider_reference  TEXT,
    next_attempt_at     BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    sent_at             BIGINT,
    UNIQUE (invoice_id, channel, round)
);
CREATE INDEX invoice_delivery_open ON invoice_delivery (state, channel, next_attempt_at);
CREATE INDEX invoice_delivery_mail ON invoice_delivery (mail_id) WHERE mail_id IS NOT NULL;
CREATE INDEX invoice_issued ON invoice (issued_at) WHERE issued_at IS NOT NULL;
