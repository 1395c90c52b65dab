-- Payments received for a document (BIL-4, PAY-1): one row per payment, so the accounting export can list them.
-- idempotency_key: what the payer's side calls the payment (a provider's transaction id, a bank statement line);
-- unique, so that a payment reported twice is recorded once. received_at: epoch millis. Amounts in minor units.
CREATE TABLE invoice_payment (
    id               TEXT PRIMARY KEY,
    invoice_id       TEXT NOT NULL REFERENCES invoice (id),
    amount_minor     BIGINT NOT NULL,
    received_at      BIGINT NOT NULL,
    reference        TEXT,
    idempotency_key  TEXT UNIQUE
);
CREATE INDEX invoice_payment_invoice ON invoice_payment (invoice_id);
CREATE INDEX invoice_payment_received ON invoice_payment (received_at);

-- Why a credit note was made (BIL-6): kind CANCELLATION (the whole remaining document, source key storno:<id>) or
-- PARTIAL; refund_minor: what the credit note leaves owed back to the customer, because the corrected document had
-- been paid beyond what remains of it after all its corrections.
CREATE TABLE invoice_correction (
    credit_note_id  TEXT PRIMARY KEY REFERENCES invoice (id),
    invoice_id      TEXT NOT NULL REFERENCES invoice (id),
    kind            TEXT NOT NULL CHECK (kind IN ('CANCELLATION', 'PARTIAL')),
    reason          TEXT NOT NULL,
    refund_minor    BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL
);
CREATE INDEX invoice_correction_invoice ON invoice_correction (invoice_id);

-- Which line of the corrected document each credit note line credits, and how much (net and VAT, positive minor
-- units): the sum over a line's credit notes never exceeds the line.
CREATE TABLE invoice_correction_line (
    credit_note_id    TEXT NOT NULL REFERENCES invoice_correction (credit_note_id),
    position          INTEGER NOT NULL,
    invoice_position  INTEGER NOT NULL,
    net_minor         BIGINT NOT NULL,
    vat_minor         BIGINT NOT NULL,
    PRIMARY KEY (credit_note_id, position)
);
