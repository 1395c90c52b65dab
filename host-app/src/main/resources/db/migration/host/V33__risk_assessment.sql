-- Risk assessments (ORD-11, PAY-6): what the running risk checks gave an order being placed, a top-up being started or
-- a payment that arrived, against the operator's threshold at that time. Reasons are a JSON array of
-- {check, code, points, message}. Kept for the clearing center and the order's detail.
CREATE TABLE risk_assessment (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    reference   TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    score       INTEGER NOT NULL,
    threshold   INTEGER NOT NULL,
    held        INTEGER NOT NULL,
    reasons     TEXT NOT NULL,
    assessed_at BIGINT NOT NULL,
    -- a staff member who reviewed a held top-up and let it be paid: later assessments of it hold nothing
    released_by TEXT,
    released_at BIGINT,
    release_note TEXT
);
CREATE INDEX risk_assessment_reference ON risk_assessment (reference);
CREATE INDEX risk_assessment_customer ON risk_assessment (customer_id);
CREATE INDEX risk_assessment_held ON risk_assessment (kind, held, assessed_at);

-- The fingerprint of the card a gateway reported for a payment, so that risk checks see the same card again.
ALTER TABLE payment ADD COLUMN card_fingerprint TEXT;
