-- Bearer tokens for the JSON API; only the SHA-256 digest of a token is stored.
CREATE TABLE api_token (
    token_digest TEXT PRIMARY KEY,
    subject      TEXT NOT NULL,
    role         TEXT NOT NULL,
    label        TEXT,
    created_at   BIGINT NOT NULL,
    revoked      INTEGER NOT NULL CHECK (revoked IN (0, 1))
);
