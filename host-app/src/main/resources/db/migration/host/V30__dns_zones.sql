-- DNS zones of customers' domains: the records the host keeps, and the state of the zone's last publication to the
-- DNS provider (CHANGED: waiting to be published; PUBLISHED: the provider serves serial published_serial; FAILED).
CREATE TABLE dns_zone (
    domain           TEXT PRIMARY KEY,
    customer_id      TEXT NOT NULL,
    provider_id      TEXT NOT NULL,
    serial           BIGINT NOT NULL,
    state            TEXT NOT NULL,
    last_error       TEXT,
    published_serial BIGINT,
    published_at     BIGINT,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX dns_zone_state ON dns_zone (state);

CREATE TABLE dns_record (
    id         TEXT PRIMARY KEY,
    domain     TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    ttl        INTEGER NOT NULL,
    priority   INTEGER,
    data       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX dns_record_domain ON dns_record (domain);
