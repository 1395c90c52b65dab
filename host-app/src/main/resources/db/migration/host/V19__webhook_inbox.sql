-- Every request to /hooks/<gateway plugin id>/ as it arrived, stored before anything else happens, so that it can be
-- processed (and processed again) after the commit. gateway: the plugin id the URL named. body: the raw body as
-- text; body_encoding BASE64 when it was not UTF-8 (signatures are over the exact bytes). headers: JSON object of
-- lower-case names to lists of values. state RECEIVED → PROCESSED, REJECTED (bad signature) or FAILED (the operator
-- looks at it; the janitor tries FAILED rows again, attempts counts the tries).
CREATE TABLE webhook_inbox (
    id              TEXT PRIMARY KEY,
    gateway         TEXT NOT NULL,
    received_at     BIGINT NOT NULL,
    body            TEXT NOT NULL,
    body_encoding   TEXT NOT NULL DEFAULT 'UTF-8' CHECK (body_encoding IN ('UTF-8', 'BASE64')),
    headers         TEXT NOT NULL,
    remote_address  TEXT,
    state           TEXT NOT NULL CHECK (state IN ('RECEIVED', 'PROCESSED', 'REJECTED', 'FAILED')),
    error           TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    processed_at    BIGINT
);
CREATE INDEX webhook_inbox_state ON webhook_inbox (state, received_at);

-- Each provider notification applied (or deliberately ignored) once: the key is the gateway and the provider's
-- event id, so a redelivery, a replay of the inbox row or a concurrent duplicate finds its row and changes nothing.
-- result APPLIED (the payment took the notified status) or IGNORED (the payment had already reached a final state).
CREATE TABLE webhook_event (
    gateway      TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    inbox_id     TEXT NOT NULL REFERENCES webhook_inbox (id),
    payment_id   TEXT NOT NULL REFERENCES payment (id),
    status       TEXT NOT NULL,
    result       TEXT NOT NULL CHECK (result IN ('APPLIED', 'IGNORED')),
    recorded_at  BIGINT NOT NULL,
    PRIMARY KEY (gateway, event_id)
);
CREATE INDEX webhook_event_payment ON webhook_event (payment_id);
