-- Renewal invoices of add-on services (ADD-1): one per service and period, issued ahead of the period's start; paid,
-- the service's renewal date moves to the period's end. Times in epoch milliseconds.
CREATE TABLE addon_service_renewal (
    service_id    TEXT NOT NULL,
    period_start  BIGINT NOT NULL,
    period_end    BIGINT NOT NULL,
    invoice_id    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    renewed_at    BIGINT,
    PRIMARY KEY (service_id, period_start)
);
CREATE INDEX addon_service_renewal_invoice ON addon_service_renewal (invoice_id);
