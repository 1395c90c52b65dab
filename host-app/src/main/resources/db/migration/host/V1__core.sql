-- Host machinery. The same SQL runs on SQLite and PostgreSQL: ids and codes are TEXT, times are epoch
-- milliseconds in BIGINT, flags are INTEGER 0/1, money is BIGINT minor units with a TEXT currency code.

CREATE TABLE plugin_state (
    plugin_id  TEXT PRIMARY KEY,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    changed_at BIGINT NOT NULL
);

CREATE TABLE event_outbox (
    id           TEXT PRIMARY KEY,
    event_type   TEXT NOT NULL,
    payload      TEXT NOT NULL,
    occurred_at  BIGINT NOT NULL,
    completed_at BIGINT
);
CREATE INDEX event_outbox_pending ON event_outbox (completed_at, occurred_at);

-- One row per event and listener; status PENDING, DELIVERED or FAILED (gave up after the last attempt).
CREATE TABLE event_delivery (
    event_id        TEXT NOT NULL REFERENCES event_outbox (id),
    listener_key    TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    PRIMARY KEY (event_id, listener_key)
);

CREATE TABLE job_schedule (
    job_key          TEXT PRIMARY KEY,
    next_run_at      BIGINT NOT NULL,
    lease_owner      TEXT,
    lease_until      BIGINT,
    last_started_at  BIGINT,
    last_finished_at BIGINT,
    last_error       TEXT
);

CREATE TABLE plugin_setting (
    plugin_id   TEXT NOT NULL,
    setting_key TEXT NOT NULL,
    value       TEXT NOT NULL,
    secret      INTEGER NOT NULL CHECK (secret IN (0, 1)),
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (plugin_id, setting_key)
);
