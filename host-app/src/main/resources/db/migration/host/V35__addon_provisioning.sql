-- Add-on services set up by a third party (ADD-1, ADD-2). provisioner_id: the Provisioner extension the operator chose
-- for the product, NULL for a service staff set up by hand; plan: the provisioner's plan code.
ALTER TABLE addon_product ADD COLUMN provisioner_id TEXT;
ALTER TABLE addon_product ADD COLUMN plan TEXT;

-- state: PENDING (being set up), ACTIVE, SUSPENDED, TERMINATED, FAILED. details: JSON object of strings the third
-- party answered, shown to the customer. suspended_for: 'dunning:<invoice id>' or 'staff'. cancel_at: the customer
-- cancelled; the service is terminated then (the end of the paid period).
ALTER TABLE addon_service ADD COLUMN provisioner_id TEXT;
ALTER TABLE addon_service ADD COLUMN plan TEXT;
ALTER TABLE addon_service ADD COLUMN remote_reference TEXT;
ALTER TABLE addon_service ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
ALTER TABLE addon_service ADD COLUMN note TEXT;
ALTER TABLE addon_service ADD COLUMN suspended_for TEXT;
ALTER TABLE addon_service ADD COLUMN cancel_at BIGINT;
ALTER TABLE addon_service ADD COLUMN updated_at BIGINT;
CREATE INDEX addon_service_cancel ON addon_service (state, cancel_at);

-- One call to a provisioner (create, suspend, unsuspend, terminate, change-plan) under its idempotency key
-- svc:<service id>:<action>:<seq>. state: OPEN (to be sent, or sent again with the same key when the answer was
-- UNDEFINED), PENDING (accepted; its status is asked), COMPLETED, FAILED. next_attempt_at: when the job takes it up;
-- a worker claims it by moving next_attempt_at past the call's time. target_product_id: a change of plan's new product.
CREATE TABLE addon_service_operation (
    op_key             TEXT PRIMARY KEY,
    service_id         TEXT NOT NULL,
    action             TEXT NOT NULL,
    seq                INTEGER NOT NULL,
    reason             TEXT,
    target_product_id  TEXT,
    state              TEXT NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    BIGINT NOT NULL,
    outcome_status     TEXT,
    outcome_code       TEXT,
    outcome_message    TEXT,
    remote_reference   TEXT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    UNIQUE (service_id, action, seq)
);
CREATE INDEX addon_service_operation_due ON addon_service_operation (state, next_attempt_at);
CREATE INDEX addon_service_operation_service ON addon_service_operation (service_id, created_at);
