-- Billing (BIL-1, BIL-6, BIL-7, BIL-8). An invoice (or credit note, advance tax document, settlement: the series) is a
-- DRAFT until it is issued; issuing gives it its number, copies the seller's and the buyer's data onto it (seller_json,
-- buyer_json: what the document says, whatever changes later) and fixes its lines, VAT and totals. After that only
-- state, paid_minor, paid_at and cancelled_at change; the document itself is never changed, renumbered or deleted.
-- Money: minor units of currency. Dates (issue, supply = DUZP / Leistungsdatum, due): ISO yyyy-mm-dd in the seller's
-- zone. vat_treatment: DOMESTIC, EU_B2C (one-stop-shop, the customer country's rate), REVERSE_CHARGE, EXPORT.
CREATE TABLE invoice (
    id                 TEXT PRIMARY KEY,
    series             TEXT NOT NULL,
    number             TEXT,
    state              TEXT NOT NULL,
    customer_id        TEXT,
    order_id           TEXT,
    language           TEXT NOT NULL,
    currency           TEXT NOT NULL,
    issue_date         TEXT,
    supply_date        TEXT,
    due_date           TEXT,
    seller_json        TEXT,
    buyer_json         TEXT,
    vat_treatment      TEXT,
    vat_country        TEXT,
    vat_note           TEXT,
    buyer_vat_check    TEXT,
    net_minor          BIGINT,
    vat_minor          BIGINT,
    gross_minor        BIGINT,
    paid_minor         BIGINT NOT NULL DEFAULT 0,
    payment_reference  TEXT,
    created_at         BIGINT NOT NULL,
    issued_at          BIGINT,
    paid_at            BIGINT,
    cancelled_at       BIGINT,
    UNIQUE (series, number)
);
-- One document of a series per order, so that completing an order twice cannot invoice it twice.
CREATE UNIQUE INDEX invoice_order_series ON invoice (order_id, series) WHERE order_id IS NOT NULL;
CREATE INDEX invoice_customer ON invoice (customer_id);

-- Lines in their order. While the invoice is a draft: description, quantity (a decimal as text), unit_minor and
-- vat_rate when the line has its own rate (NULL: the rate the VAT rules give at issue). Issued: vat_rate (percent as
-- text, e.g. 25 or 19 or 0) and net/vat/gross, each rounded half-up to the currency's minor unit per line.
CREATE TABLE invoice_line (
    invoice_id   TEXT NOT NULL,
    position     INTEGER NOT NULL,
    description  TEXT NOT NULL,
    quantity     TEXT NOT NULL,
    unit_minor   BIGINT NOT NULL,
    vat_rate     TEXT,
    net_minor    BIGINT,
    vat_minor    BIGINT,
    gross_minor  BIGINT,
    PRIMARY KEY (invoice_id, position)
);

-- The last number given per series and period ('' for formats without a year, 'yyyy' or 'yyyy-mm' for those that
-- restart every year or month). Updated in the transaction that issues the document: the row lock (PostgreSQL) or the
-- write lock (SQLite) makes the next issuer wait, and a rollback gives the number back, so numbers have no gaps.
CREATE TABLE invoice_counter (
    series      TEXT NOT NULL,
    period      TEXT NOT NULL,
    last_value  BIGINT NOT NULL,
    PRIMARY KEY (series, period)
);
