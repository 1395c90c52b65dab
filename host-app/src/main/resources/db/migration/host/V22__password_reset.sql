-- Forgotten-password links (CC-1): only the SHA-256 digest of the link's random token is stored. A token is used once
-- (used_at set) and is refused after expires_at; a successful reset marks every other open token of the account used.
CREATE TABLE password_reset (
    token_digest  TEXT PRIMARY KEY,
    customer_id   TEXT NOT NULL REFERENCES customer (id),
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    used_at       BIGINT
);
CREATE INDEX password_reset_customer ON password_reset (customer_id, used_at);
CREATE INDEX password_reset_expires ON password_reset (expires_at);
