-- Phone verification (ORD-11): each code sent to a customer's mobile number. Only an HMAC-SHA-256 of the code with
-- the row's own salt is kept. state: SENDING (recorded, the text message not yet handed over), SENT (the gateway took
-- it), UNDEFINED (the gateway did not answer; the code works should it arrive), FAILED (the gateway refused the
-- number), CONFIRMED, VOID (too many wrong attempts), SUPERSEDED (a newer code was sent). send_key is the idempotency
-- key the text message was sent under.
CREATE TABLE phone_verification (
    id            TEXT PRIMARY KEY,
    customer_id   TEXT NOT NULL,
    phone_number  TEXT NOT NULL,
    code_salt     TEXT NOT NULL,
    code_hash     TEXT NOT NULL,
    state         TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    gateway_id    TEXT,
    send_key      TEXT NOT NULL UNIQUE,
    message       TEXT,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    sent_at       BIGINT,
    confirmed_at  BIGINT
);
CREATE INDEX phone_verification_customer ON phone_verification (customer_id, created_at);

-- The customer's mobile number (E.164) and when it was confirmed with a code; a new number has none.
CREATE TABLE customer_phone (
    customer_id   TEXT PRIMARY KEY,
    phone_number  TEXT NOT NULL,
    verified_at   BIGINT,
    updated_at    BIGINT NOT NULL
);

-- Credit bureau answers (PAY-6), kept per customer for risk.credit-score.cache-days. rating: LOW_RISK, MEDIUM_RISK,
-- HIGH_RISK, or ERROR when the bureau does not know the customer (score then null).
CREATE TABLE credit_score (
    customer_id   TEXT NOT NULL,
    provider_id   TEXT NOT NULL,
    score         INTEGER,
    rating        TEXT NOT NULL,
    explanation   TEXT,
    asked_at      BIGINT NOT NULL,
    PRIMARY KEY (customer_id, provider_id)
);

-- The bank account a customer wants refunds paid to (PAY-5), checked by every running bank account verifier.
CREATE TABLE customer_refund_account (
    customer_id   TEXT PRIMARY KEY,
    iban          TEXT NOT NULL,
    bic           TEXT,
    holder        TEXT NOT NULL,
    updated_at    BIGINT NOT NULL
);
