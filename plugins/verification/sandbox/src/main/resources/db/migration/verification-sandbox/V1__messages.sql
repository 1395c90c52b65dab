-- The text messages the sandbox gateway took instead of sending them, one per idempotency key. state: SENT (kept for
-- the operator to read), REFUSED (a number starting +999, refused as a real gateway refuses a number it cannot reach).
CREATE TABLE verification_sandbox_message (
    idempotency_key  TEXT PRIMARY KEY,
    phone_number     TEXT NOT NULL,
    text             TEXT NOT NULL,
    state            TEXT NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX verification_sandbox_message_created ON verification_sandbox_message (created_at);
