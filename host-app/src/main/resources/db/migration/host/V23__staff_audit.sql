-- Every state-changing request of staff (ADMIN, SUPPORT) on an operator route, recorded after it completed: who, when,
-- what (method and path, with the ids taken from the path), how it ended (HTTP status) and the request id. Never a
-- request body. role: the caller's role; target_ids: the path parameters as name=value lines.
CREATE TABLE staff_audit (
    id          TEXT PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    role        TEXT NOT NULL,
    method      TEXT NOT NULL,
    path        TEXT NOT NULL,
    status      INTEGER NOT NULL,
    target_ids  TEXT NOT NULL,
    request_id  TEXT
);
CREATE INDEX staff_audit_at ON staff_audit (at);
CREATE INDEX staff_audit_actor ON staff_audit (actor, at);
