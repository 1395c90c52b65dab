-- What a customer changed on their own domains in the customer center (CC-3, CC-7, CC-8), so that they see when
-- it happened: nameservers, lock, auth code retrieval, auto-renew, cancellation, change of holder.
-- kind: NAMESERVERS, LOCK, UNLOCK, AUTH_CODE, AUTO_RENEW, CANCELLATION, HOLDER.
-- state: DONE, or PENDING where the registry decides later (a .dk change of holder waits for the new holder).
-- detail is what the customer reads (the new nameservers, the new holder's name); never an auth code.
-- seq orders changes made within the same millisecond (one more than the highest so far).
CREATE TABLE domain_change (
    id           TEXT PRIMARY KEY,
    domain       TEXT NOT NULL,
    customer_id  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('DONE', 'PENDING')),
    detail       TEXT NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    seq          BIGINT NOT NULL
);
CREATE INDEX domain_change_domain ON domain_change (customer_id, domain, seq);
