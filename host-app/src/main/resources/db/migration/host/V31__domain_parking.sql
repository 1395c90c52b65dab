-- A customer's choice of parking for a domain (TEC-4): the provider, the nameservers the domain had before it was
-- parked (one host name per line), and where the choice stands: SWITCHING (the nameservers are being changed at the
-- registry), PARKED (the provider took the domain), PENDING (the provider has not confirmed yet), LEFT (parking ended,
-- the nameservers are back), REFUSED (the provider refused; the nameservers were switched back).
-- The keys are the idempotency keys of the operation's steps: the same step is sent again under the same key.
CREATE TABLE domain_parking (
    domain               TEXT PRIMARY KEY,
    customer_id          TEXT NOT NULL,
    provider_id          TEXT NOT NULL,
    previous_nameservers TEXT NOT NULL,
    state                TEXT NOT NULL,
    operation_key        TEXT NOT NULL,
    message              TEXT,
    parked_at            BIGINT,
    left_at              BIGINT,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX domain_parking_customer ON domain_parking (customer_id);
