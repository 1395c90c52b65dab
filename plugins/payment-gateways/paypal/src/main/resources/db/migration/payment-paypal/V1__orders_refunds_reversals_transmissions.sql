-- PayPal. Same SQL on SQLite and PostgreSQL: money in BIGINT minor units with the currency code, times in epoch
-- milliseconds, flags INTEGER 0/1.

-- One PayPal order per idempotency key of the host. The row is written before the order is created, with the exact
-- request, so that a lost answer is asked for again under the same PayPal-Request-Id. abandoned = 1 once the host was
-- told the payment ended without money (CANCELED or ERROR): such an order is never captured afterwards.
CREATE TABLE payment_paypal_order (
    request_key    TEXT PRIMARY KEY,
    payment_id     TEXT NOT NULL,
    amount_minor   BIGINT NOT NULL,
    currency       TEXT NOT NULL,
    request_body   TEXT NOT NULL,
    order_id       TEXT UNIQUE,
    order_status   TEXT,
    approve_url    TEXT,
    capture_id     TEXT UNIQUE,
    capture_status TEXT,
    abandoned      INTEGER NOT NULL DEFAULT 0 CHECK (abandoned IN (0, 1)),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- One refund per idempotency key of the host, of one capture; written before PayPal is asked.
CREATE TABLE payment_paypal_refund (
    request_key  TEXT PRIMARY KEY,
    order_id     TEXT NOT NULL,
    capture_id   TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency     TEXT NOT NULL,
    request_body TEXT NOT NULL,
    refund_id    TEXT UNIQUE,
    status       TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX payment_paypal_refund_capture ON payment_paypal_refund (capture_id);

-- Money PayPal took back of a capture, per webhook event. A chargeback arrives as a reversed capture and, once
-- decided, as a lost dispute: both report the same money, so per capture only the larger of the two sums is reported
-- (reported_minor is what this event added to it).
CREATE TABLE payment_paypal_reversal (
    event_id       TEXT PRIMARY KEY,
    capture_id     TEXT NOT NULL,
    source         TEXT NOT NULL CHECK (source IN ('CAPTURE', 'DISPUTE')),
    amount_minor   BIGINT NOT NULL,
    reported_minor BIGINT NOT NULL,
    currency       TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX payment_paypal_reversal_capture ON payment_paypal_reversal (capture_id);

-- Webhook transmissions seen within the allowed clock skew, so that the host may process a stored webhook again later
-- (a retry, the operator's replay) without it being refused as stale. fingerprint covers the signature and the body.
CREATE TABLE payment_paypal_transmission (
    transmission_id TEXT PRIMARY KEY,
    fingerprint     TEXT NOT NULL,
    first_seen_at   BIGINT NOT NULL
);
CREATE INDEX payment_paypal_transmission_seen ON payment_paypal_transmission (first_seen_at);
