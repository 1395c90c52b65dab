-- Confirmations the third party posted to /hooks/provisioning-webhook/confirmations, signed like Kontor's requests.
-- One per operation key; status: PROCESSED or ERROR. details: JSON object of strings for the customer.
-- Same SQL on SQLite and PostgreSQL; times in epoch milliseconds.
CREATE TABLE provisioning_webhook_confirmation (
    op_key       TEXT PRIMARY KEY,
    status       TEXT NOT NULL CHECK (status IN ('PROCESSED', 'ERROR')),
    reference    TEXT,
    details      TEXT NOT NULL DEFAULT '{}',
    code         TEXT,
    message      TEXT,
    received_at  BIGINT NOT NULL
);
