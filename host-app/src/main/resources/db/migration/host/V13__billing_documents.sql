-- Corrections and documents made for something other than an order (BIL-6, PA-13). corrects_id: the issued document a
-- cancellation or credit note corrects, corrects_number its number as printed. source_key: what the document is for
-- (topup:<id>, settlement:<account>:<yyyy-mm>, storno:<invoice id>), unique so that repeating a run creates nothing.
ALTER TABLE invoice ADD COLUMN corrects_id TEXT;
ALTER TABLE invoice ADD COLUMN corrects_number TEXT;
ALTER TABLE invoice ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX invoice_source_key ON invoice (source_key) WHERE source_key IS NOT NULL;
CREATE INDEX invoice_corrects ON invoice (corrects_id) WHERE corrects_id IS NOT NULL;

-- A customer's billing details: the address documents name, the VAT id that decides reverse charge, and the choices
-- that decide how documents are sent. invoicing_excluded (PAY-4): the customer gets no invoices; dunning_excluded:
-- no reminders. delivery: EMAIL or EMAIL_AND_POST (BIL-5). invoice_email: where documents go when not the sign-in
-- address. A customer without a row is billed at the sign-in address with the country of the account.
CREATE TABLE billing_profile (
    customer_id          TEXT PRIMARY KEY REFERENCES customer (id),
    street               TEXT NOT NULL DEFAULT '',
    postal_code          TEXT,
    city                 TEXT,
    vat_id               TEXT,
    registration_number  TEXT,
    invoice_email        TEXT,
    delivery             TEXT NOT NULL DEFAULT 'EMAIL' CHECK (delivery IN ('EMAIL', 'EMAIL_AND_POST')),
    invoicing_excluded   INTEGER NOT NULL DEFAULT 0 CHECK (invoicing_excluded IN (0, 1)),
    dunning_excluded     INTEGER NOT NULL DEFAULT 0 CHECK (dunning_excluded IN (0, 1)),
    updated_at           BIGINT NOT NULL
);

-- The VAT an order charges, decided at checkout from the buyer's country and VAT id (the same rules as the invoice):
-- the customer pays net + VAT; the invoice, or for a prepaid account the monthly settlement, documents the same figures.
-- vat_treatment: DOMESTIC, EU_B2C, REVERSE_CHARGE or EXPORT; vat_rate: percent as text.
ALTER TABLE customer_order ADD COLUMN vat_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customer_order ADD COLUMN vat_treatment TEXT;
ALTER TABLE customer_order ADD COLUMN vat_country TEXT;
ALTER TABLE customer_order ADD COLUMN vat_rate TEXT;
ALTER TABLE customer_order ADD COLUMN buyer_vat_check TEXT;
ALTER TABLE order_line ADD COLUMN vat_minor BIGINT NOT NULL DEFAULT 0;
