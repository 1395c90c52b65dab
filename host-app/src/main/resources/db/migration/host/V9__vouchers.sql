-- Voucher codes (ORD-13). code: trimmed and in upper case; customers may type it in any case.
-- A voucher takes either percent_bp (hundredths of a percent: 1000 = 10 %) off each eligible line, or amount_minor
-- in currency off the order, spread over the eligible lines in their order. valid_from (inclusive) to valid_until
-- (exclusive), epoch millis; NULL: open on that side. max_uses, max_uses_per_customer NULL: no limit.
-- tlds (A-labels) and kinds (ChargeKind names): comma-separated, '' = every line. minimum_*: the order total before
-- discount it needs. used: redemptions not given back, counted by a conditional UPDATE (used < max_uses), so that
-- concurrent orders cannot take more uses than there are.
CREATE TABLE voucher (
    code                   TEXT PRIMARY KEY,
    description            TEXT,
    enabled                INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    percent_bp             INTEGER,
    amount_minor           BIGINT,
    currency               TEXT,
    valid_from             BIGINT,
    valid_until            BIGINT,
    max_uses               INTEGER,
    max_uses_per_customer  INTEGER,
    tlds                   TEXT NOT NULL DEFAULT '',
    kinds                  TEXT NOT NULL DEFAULT '',
    minimum_minor          BIGINT,
    minimum_currency       TEXT,
    used                   INTEGER NOT NULL DEFAULT 0,
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL,
    CHECK ((percent_bp IS NULL) <> (amount_minor IS NULL))
);

-- Uses of a voucher by one signed-in customer, counted like voucher.used (an upsert that only adds below the limit).
CREATE TABLE voucher_customer_use (
    code         TEXT NOT NULL,
    customer_id  TEXT NOT NULL,
    used         INTEGER NOT NULL,
    PRIMARY KEY (code, customer_id)
);

-- The voucher an order redeemed and the discount it got; one per order, so that redeeming again for the same order
-- answers the first result. released_at: the use was given back (the order failed or was cancelled).
CREATE TABLE voucher_redemption (
    order_id        TEXT PRIMARY KEY,
    code            TEXT NOT NULL,
    customer_id     TEXT,
    discount_minor  BIGINT NOT NULL,
    currency        TEXT NOT NULL,
    redeemed_at     BIGINT NOT NULL,
    released_at     BIGINT
);
CREATE INDEX voucher_redemption_code ON voucher_redemption (code);

-- The discount of each order line that got one, for invoices and VAT.
CREATE TABLE voucher_redemption_line (
    order_id        TEXT NOT NULL,
    line_id         TEXT NOT NULL,
    discount_minor  BIGINT NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_id)
);
