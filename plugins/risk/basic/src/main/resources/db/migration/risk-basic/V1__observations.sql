-- What the velocity check was asked about: one row per key of a subject (IP address, e-mail, account, card
-- fingerprint), the key kept as an HMAC-SHA-256 digest of "<type>:<value>" under the installation's secret (below),
-- so no address is stored and none can be found again by trying every address. Same SQL on SQLite and
-- PostgreSQL; times in epoch milliseconds. Rows older than the kept days are deleted by the plugin's job.
CREATE TABLE risk_basic_observation (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('ORDER', 'TOP_UP', 'PAYMENT')),
    reference   TEXT NOT NULL,
    key_type    TEXT NOT NULL CHECK (key_type IN ('ip', 'email', 'account', 'card')),
    key_digest  TEXT NOT NULL,
    observed_at BIGINT NOT NULL
);
CREATE INDEX risk_basic_observation_key ON risk_basic_observation (key_type, key_digest, observed_at);
CREATE INDEX risk_basic_observation_time ON risk_basic_observation (observed_at);

-- The installation's secret for those digests: one row, made at first use.
CREATE TABLE risk_basic_digest_secret (
    id     INTEGER PRIMARY KEY,
    secret TEXT NOT NULL
);
