-- The optional second factor for staff: a TOTP authenticator app, with single-use recovery codes.

-- One authenticator per account. The secret is sealed with the host's master key (SecretBox), like plugin
-- secrets, so a copy of the database alone cannot produce codes. confirmed_at stays null until the first code from
-- the app was given; only a confirmed secret is asked for at sign-in. last_used_step is the newest time step whose
-- code was accepted: that step and older ones are refused, so a code works once.
CREATE TABLE staff_totp (
    customer_id     TEXT PRIMARY KEY REFERENCES customer (id),
    secret          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    confirmed_at    BIGINT,
    last_used_step  BIGINT NOT NULL DEFAULT -1
);

-- SHA-256 digests of the ten recovery codes shown once at confirmation; a code is spent by setting used_at.
CREATE TABLE staff_recovery_code (
    customer_id  TEXT NOT NULL REFERENCES customer (id),
    code_hash    TEXT NOT NULL,
    used_at      BIGINT,
    PRIMARY KEY (customer_id, code_hash)
);

-- A sign-in halfway done: the browser session (by its visitor id) gave the right password for the account and
-- still owes the second factor. The session is signed in only when the code is right.
CREATE TABLE second_factor_challenge (
    visitor_id   TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customer (id),
    next_path    TEXT NOT NULL,
    expires_at   BIGINT NOT NULL
);
