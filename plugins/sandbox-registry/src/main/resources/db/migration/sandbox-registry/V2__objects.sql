-- Contacts, hosts, the domain's references to them, transfers, the redemption grace period (RFC 3915) and
-- the .dk profile's asynchronous create. Same SQL on SQLite and PostgreSQL.

ALTER TABLE sandbox_registry_domain ADD COLUMN registrant TEXT;
ALTER TABLE sandbox_registry_domain ADD COLUMN updated_at BIGINT;
ALTER TABLE sandbox_registry_domain ADD COLUMN updated_by TEXT;
ALTER TABLE sandbox_registry_domain ADD COLUMN transferred_at BIGINT;
-- RGP: when the domain was deleted (null while it is active), its rgp status and when that began
ALTER TABLE sandbox_registry_domain ADD COLUMN deleted_at BIGINT;
ALTER TABLE sandbox_registry_domain ADD COLUMN rgp_status TEXT;
ALTER TABLE sandbox_registry_domain ADD COLUMN rgp_since BIGINT;
-- .dk profile: the pending create's decision time and its transaction ids, the price to refund on a rejection,
-- auto-renewal, and the registry-generated transfer token's expiry
ALTER TABLE sandbox_registry_domain ADD COLUMN decide_at BIGINT;
ALTER TABLE sandbox_registry_domain ADD COLUMN create_cl_trid TEXT;
ALTER TABLE sandbox_registry_domain ADD COLUMN create_sv_trid TEXT;
ALTER TABLE sandbox_registry_domain ADD COLUMN create_price_minor BIGINT;
ALTER TABLE sandbox_registry_domain ADD COLUMN auto_renew INTEGER;
ALTER TABLE sandbox_registry_domain ADD COLUMN auth_expires_at BIGINT;

CREATE TABLE sandbox_registry_contact (
    id              TEXT PRIMARY KEY,
    roid            TEXT NOT NULL UNIQUE,
    registrar       TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT,
    statuses        TEXT NOT NULL,
    postal_type     TEXT NOT NULL,
    name            TEXT NOT NULL,
    org             TEXT,
    street          TEXT NOT NULL,
    city            TEXT NOT NULL,
    sp              TEXT,
    pc              TEXT,
    cc              TEXT NOT NULL,
    voice           TEXT,
    fax             TEXT,
    email           TEXT NOT NULL,
    auth_info       TEXT NOT NULL,
    user_type       TEXT,
    cvr             TEXT,
    ean             TEXT,
    pnumber         TEXT,
    mobilephone     TEXT,
    secondary_email TEXT
);
CREATE INDEX sandbox_registry_contact_registrar ON sandbox_registry_contact (registrar);

-- addresses: space-separated "v4:192.0.2.1" / "v6:2001:db8::1"
CREATE TABLE sandbox_registry_host (
    name       TEXT PRIMARY KEY,
    roid       TEXT NOT NULL UNIQUE,
    registrar  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    statuses   TEXT NOT NULL,
    addresses  TEXT NOT NULL
);

CREATE TABLE sandbox_registry_domain_host (
    domain TEXT NOT NULL,
    host   TEXT NOT NULL,
    PRIMARY KEY (domain, host)
);
CREATE INDEX sandbox_registry_domain_host_host ON sandbox_registry_domain_host (host);

CREATE TABLE sandbox_registry_domain_contact (
    domain  TEXT NOT NULL,
    type    TEXT NOT NULL,
    contact TEXT NOT NULL,
    PRIMARY KEY (domain, type, contact)
);
CREATE INDEX sandbox_registry_domain_contact_contact ON sandbox_registry_domain_contact (contact);

-- The latest transfer of each domain. status: pending, clientApproved, clientRejected, clientCancelled,
-- serverApproved. price_minor is what the gaining registrar was charged at the request.
CREATE TABLE sandbox_registry_transfer (
    domain       TEXT PRIMARY KEY,
    status       TEXT NOT NULL,
    gaining      TEXT NOT NULL,
    losing       TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    act_due      BIGINT NOT NULL,
    acted_at     BIGINT,
    years        INTEGER NOT NULL,
    price_minor  BIGINT NOT NULL
);

-- the resData of a poll message, tab-separated: "trn" or "pan" and their fields
ALTER TABLE sandbox_registry_poll_message ADD COLUMN data TEXT;
