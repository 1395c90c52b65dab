-- The imagined provider's records, kept in the database so that every instance of the gateway (a restarted host, a
-- second host) sees the same payments. Money in BIGINT minor units with the currency code, times in epoch millis.

-- One payment per idempotency key; captured once the customer completed the checkout.
CREATE TABLE test_gateway_payment (
    idempotency_key TEXT PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    amount_minor    BIGINT NOT NULL CHECK (amount_minor > 0),
    currency        TEXT NOT NULL,
    captured        INTEGER NOT NULL DEFAULT 0,
    refunded_minor  BIGINT NOT NULL DEFAULT 0 CHECK (refunded_minor <= amount_minor),
    created_at      BIGINT NOT NULL
);

-- One refund per idempotency key; together never more than the payment (refunded_minor above).
CREATE TABLE test_gateway_refund (
    idempotency_key   TEXT PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE,
    payment_reference TEXT NOT NULL REFERENCES test_gateway_payment (reference),
    amount_minor      BIGINT NOT NULL CHECK (amount_minor > 0),
    currency          TEXT NOT NULL,
    created_at        BIGINT NOT NULL
);
