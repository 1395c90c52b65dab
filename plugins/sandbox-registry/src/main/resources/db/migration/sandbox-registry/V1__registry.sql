-- The sandbox registry's state. Same SQL on SQLite and PostgreSQL: money in BIGINT minor units, times in
-- epoch milliseconds.

-- Registered domains; statuses is a space-separated list of EPP status values.
CREATE TABLE sandbox_registry_domain (
    name       TEXT PRIMARY KEY,
    roid       TEXT NOT NULL UNIQUE,
    registrar  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    statuses   TEXT NOT NULL,
    auth_info  TEXT NOT NULL
);
CREATE INDEX sandbox_registry_domain_registrar ON sandbox_registry_domain (registrar);

-- Each registrar's simulated prepaid balance at the registry.
CREATE TABLE sandbox_registry_balance (
    registrar     TEXT PRIMARY KEY,
    currency      TEXT NOT NULL,
    balance_minor BIGINT NOT NULL
);

-- The poll queue: a registrar reads the oldest unacknowledged message first.
CREATE TABLE sandbox_registry_poll_message (
    id         BIGINT PRIMARY KEY,
    registrar  TEXT NOT NULL,
    queued_at  BIGINT NOT NULL,
    message    TEXT NOT NULL,
    acked      INTEGER NOT NULL CHECK (acked IN (0, 1))
);
CREATE INDEX sandbox_registry_poll_message_queue ON sandbox_registry_poll_message (registrar, acked, id);

-- The answer given to each transforming command, by the registrar's clTRID: a command repeated with the
-- same clTRID gets the same answer and changes nothing, which is how a client reconciles after a lost reply.
CREATE TABLE sandbox_registry_transaction (
    registrar    TEXT NOT NULL,
    cl_trid      TEXT NOT NULL,
    command      TEXT NOT NULL,
    result_code  INTEGER NOT NULL,
    response     TEXT NOT NULL,
    processed_at BIGINT NOT NULL,
    PRIMARY KEY (registrar, cl_trid)
);
