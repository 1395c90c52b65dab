-- The domains the host manages: which exist, whose they are, when they expire. Written in the same
-- transaction as the domain operation (or poll message) that changes them. The key is the ASCII
-- (A-label) form of the name; unicode_name is what people read.
--
-- state: PENDING_CREATE (a create the registry has not decided yet), ACTIVE, PENDING_TRANSFER (a transfer
-- to us is under way), REDEMPTION (deleted, restorable), DELETED, TRANSFERRED_AWAY (another registrar took
-- it), REJECTED (the registry refused the create or the transfer).
-- terminated_at: the customer ended the domain; it is not renewed any more (see docs/OPERATIONS.md).
CREATE TABLE domain (
    name               TEXT PRIMARY KEY,
    unicode_name       TEXT NOT NULL,
    tld                TEXT NOT NULL,
    registry_id        TEXT NOT NULL,
    customer_id        TEXT NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('PENDING_CREATE', 'ACTIVE', 'PENDING_TRANSFER', 'REDEMPTION',
                                                      'DELETED', 'TRANSFERRED_AWAY', 'REJECTED')),
    created_at         BIGINT,
    expires_at         BIGINT,
    auto_renew         INTEGER NOT NULL DEFAULT 1 CHECK (auto_renew IN (0, 1)),
    terminated_at      BIGINT,
    registry_statuses  TEXT NOT NULL DEFAULT '',
    registry_reference TEXT,
    last_operation_key TEXT,
    last_synced_at     BIGINT,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX domain_customer ON domain (customer_id, name);
CREATE INDEX domain_expiry ON domain (state, expires_at);

-- Every message taken from a registry's poll queue, kept for the operator. A message is applied once:
-- its id is stored before anything is applied, applied_at is set once its effects have committed (each
-- effect is itself conditional, so a crash in between cannot apply it twice), and it is acknowledged at
-- the registry only after that (acknowledged_at records when).
-- outcome: what applying it did, e.g. 'settled COMPLETED', 'unknown kind', 'no matching operation'.
CREATE TABLE registry_message (
    registry_id      TEXT NOT NULL,
    message_id       TEXT NOT NULL,
    kind             TEXT NOT NULL,
    domain           TEXT,
    text             TEXT,
    data             TEXT NOT NULL,
    queued_at        BIGINT,
    received_at      BIGINT NOT NULL,
    applied_at       BIGINT,
    outcome          TEXT,
    acknowledged_at  BIGINT,
    PRIMARY KEY (registry_id, message_id)
);
CREATE INDEX registry_message_received ON registry_message (received_at);

-- The price the host charges for a domain operation, per TLD, kind (DOMAIN_CREATE, DOMAIN_RENEW, ...)
-- and currency, for one year. A minimal price source until there is a catalog.
CREATE TABLE domain_price (
    tld          TEXT NOT NULL,
    kind         TEXT NOT NULL,
    currency     TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (tld, kind, currency)
);

-- Whether a registry's balance was last seen low, so that one alert goes out per crossing.
CREATE TABLE registry_balance_alert (
    registry_id   TEXT PRIMARY KEY,
    low           INTEGER NOT NULL CHECK (low IN (0, 1)),
    checked_at    BIGINT NOT NULL,
    alerted_at    BIGINT
);
