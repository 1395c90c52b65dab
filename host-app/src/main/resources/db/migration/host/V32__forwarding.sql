-- Web and e-mail forwarding of customers' domains (TEC-1). A web forward answers HTTP for one host name (the domain
-- itself, label '@', or a name below it such as www); an alias forwards mail for one local part ('*' for all others).
CREATE TABLE web_forward (
    host        TEXT PRIMARY KEY,
    domain      TEXT NOT NULL,
    label       TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    target      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      INTEGER NOT NULL,
    keep_path   INTEGER NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX web_forward_domain ON web_forward (domain);

CREATE TABLE mail_alias (
    domain      TEXT NOT NULL,
    local_part  TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    targets     TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (domain, local_part)
);
