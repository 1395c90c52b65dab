-- Outgoing e-mail, sent after the queuing transaction commits. status is QUEUED, SENT or FAILED (gave up
-- after the last attempt). While an attempt is in flight, next_attempt_at is the time another host may
-- take the message over; recipients are one address per line.
CREATE TABLE mail_queue (
    id              TEXT PRIMARY KEY,
    created_at      BIGINT NOT NULL,
    recipients      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT,
    html_body       TEXT,
    reply_to        TEXT,
    status          TEXT NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    sent_at         BIGINT
);
CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at);

-- Attachment bytes are base64 TEXT so that the same SQL runs on both databases (BLOB versus BYTEA).
CREATE TABLE mail_attachment (
    mail_id      TEXT NOT NULL REFERENCES mail_queue (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content      TEXT NOT NULL,
    PRIMARY KEY (mail_id, position)
);
