-- Customer accounts, their domain holder contacts, browser sessions and sign-in throttling (CC-1, ORD-5, ORD-9).

-- email_key is the address in lower case: one account per address, whatever its case. password_hash is the
-- encoded Argon2id hash with its parameters ($argon2id$v=19$m=...,t=...,p=...$salt$hash). role: CUSTOMER or RESELLER.
CREATE TABLE customer (
    id             TEXT PRIMARY KEY,
    email          TEXT NOT NULL,
    email_key      TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    name           TEXT NOT NULL,
    company        TEXT,
    country        TEXT NOT NULL,
    language       TEXT NOT NULL,
    currency       TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('CUSTOMER', 'RESELLER')),
    created_at     BIGINT NOT NULL
);

-- A domain holder (registrant) a customer may choose per domain. holder_type: INDIVIDUAL, COMPANY,
-- PUBLIC_ORGANIZATION or ASSOCIATION; street: one to three lines separated by a line feed; phone numbers in EPP's
-- form +CC.NUMBER; ean and p_number: the Danish public invoicing number (13 digits) and production unit (10 digits).
CREATE TABLE customer_contact (
    id               TEXT PRIMARY KEY,
    customer_id      TEXT NOT NULL REFERENCES customer (id),
    holder_type      TEXT NOT NULL,
    name             TEXT NOT NULL,
    organization     TEXT,
    street           TEXT NOT NULL,
    city             TEXT NOT NULL,
    region           TEXT,
    postal_code      TEXT,
    country          TEXT NOT NULL,
    email            TEXT NOT NULL,
    phone            TEXT NOT NULL,
    mobile_phone     TEXT,
    secondary_email  TEXT,
    vat_number       TEXT,
    ean              TEXT,
    p_number         TEXT,
    created_at       BIGINT NOT NULL
);
CREATE INDEX customer_contact_customer ON customer_contact (customer_id, created_at);

-- Browser sessions: only the SHA-256 digest of the cookie's random token is stored. A session without a customer
-- is an anonymous visitor's (a cart before sign-in); visitor_id stays the same when the visitor signs in.
CREATE TABLE web_session (
    token_digest  TEXT PRIMARY KEY,
    visitor_id    TEXT NOT NULL,
    customer_id   TEXT REFERENCES customer (id),
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX web_session_expires ON web_session (expires_at);
CREATE INDEX web_session_last_seen ON web_session (last_seen_at);

-- Failed sign-ins per lower-case e-mail address (known or not), for throttling.
CREATE TABLE login_failure (
    email_key  TEXT NOT NULL,
    failed_at  BIGINT NOT NULL
);
CREATE INDEX login_failure_email ON login_failure (email_key, failed_at);
