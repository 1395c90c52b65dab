-- Payments through gateways (PAY-1): one row per attempt, and one per refund (kind REFUND, refund_of the payment).
-- Pattern: the row is written with its idempotency key and committed (status UNDEFINED: the gateway may or may not
-- have been reached), then the gateway is called outside any transaction, then its outcome is recorded. The janitor
-- asks the gateway about PENDING and UNDEFINED rows whose next_check_at has come.
-- purpose ORDER / INVOICE / TOP_UP names what target_id is. request_key: the caller's Idempotency-Key with its scope
-- (customer or operator), so the same request twice answers the first payment. applied: 1 once a PROCESSED payment's
-- effect (order funded, invoice paid, event published) was carried out; the flag flips exactly once.
-- Amounts in minor units, times in epoch millis.
CREATE TABLE payment (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('PAYMENT', 'REFUND')),
    purpose             TEXT NOT NULL CHECK (purpose IN ('ORDER', 'INVOICE', 'TOP_UP')),
    target_id           TEXT NOT NULL,
    customer_id         TEXT NOT NULL,
    gateway_id          TEXT NOT NULL,
    method              TEXT NOT NULL,
    amount_minor        BIGINT NOT NULL CHECK (amount_minor > 0),
    currency            TEXT NOT NULL,
    idempotency_key     TEXT NOT NULL UNIQUE,
    request_key         TEXT UNIQUE,
    status              TEXT NOT NULL CHECK (status IN ('PROCESSED', 'PENDING', 'ERROR', 'CANCELED', 'UNDEFINED')),
    provider_reference  TEXT,
    redirect_url        TEXT,
    instructions        TEXT,
    message             TEXT,
    refund_of           TEXT REFERENCES payment (id),
    applied             INTEGER NOT NULL DEFAULT 0,
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_check_at       BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    settled_at          BIGINT
);
CREATE INDEX payment_open ON payment (status, next_check_at);
CREATE INDEX payment_reference ON payment (gateway_id, provider_reference);
CREATE INDEX payment_target ON payment (purpose, target_id);
CREATE INDEX payment_customer ON payment (customer_id, created_at);
CREATE INDEX payment_refund_of ON payment (refund_of);
CREATE INDEX payment_created ON payment (created_at);
