-- Stripe payments and refunds asked for through Kontor. Same SQL on SQLite and PostgreSQL: money in BIGINT minor units
-- (Kontor's, with the currency code), times in epoch milliseconds.

-- One purchase per idempotency key of the host: the form sent to Stripe (kept to send it again under the same key when
-- the first answer was lost), and what Stripe made of it. kind SESSION is a Checkout Session (the customer pays on
-- Stripe's page; its id is the payment's reference), INTENT a PaymentIntent confirmed with a saved payment method (its
-- id is the reference). error_code is set when Stripe refused the request.
CREATE TABLE payment_stripe_checkout (
    idempotency_key TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('SESSION', 'INTENT')),
    request_form    TEXT NOT NULL,
    amount_minor    BIGINT NOT NULL CHECK (amount_minor > 0),
    currency        TEXT NOT NULL,
    session_id      TEXT UNIQUE,
    payment_intent  TEXT UNIQUE,
    redirect_url    TEXT,
    error_code      TEXT,
    error_message   TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- One refund per idempotency key of the host, of the payment whose reference it names.
CREATE TABLE payment_stripe_refund (
    idempotency_key   TEXT PRIMARY KEY,
    payment_reference TEXT NOT NULL,
    payment_intent    TEXT NOT NULL,
    request_form      TEXT NOT NULL,
    amount_minor      BIGINT NOT NULL CHECK (amount_minor > 0),
    currency          TEXT NOT NULL,
    refund_id         TEXT UNIQUE,
    error_code        TEXT,
    error_message     TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX payment_stripe_refund_intent ON payment_stripe_refund (payment_intent);
