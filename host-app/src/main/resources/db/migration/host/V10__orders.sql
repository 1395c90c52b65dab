-- Add-on products sold beside domains (ORD-12): e-mail, hosting, and services on a domain such as forwarding.
-- kind is the ChargeKind of the line that sells it; per_domain: the product is booked for one domain of the order.
CREATE TABLE addon_product (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    per_domain   INTEGER NOT NULL DEFAULT 0 CHECK (per_domain IN (0, 1)),
    enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    position     INTEGER NOT NULL DEFAULT 0
);

-- The price of an add-on for one period, per currency.
CREATE TABLE addon_price (
    product_id     TEXT NOT NULL,
    currency       TEXT NOT NULL,
    amount_minor   BIGINT NOT NULL CHECK (amount_minor >= 0),
    period_months  INTEGER NOT NULL CHECK (period_months > 0),
    PRIMARY KEY (product_id, currency)
);

-- An add-on a customer booked through an order: active from the order's completion.
CREATE TABLE addon_service (
    id             TEXT PRIMARY KEY,
    customer_id    TEXT NOT NULL,
    product_id     TEXT NOT NULL,
    domain         TEXT,
    order_id       TEXT NOT NULL,
    line_no        INTEGER NOT NULL,
    state          TEXT NOT NULL,
    started_at     BIGINT NOT NULL,
    renews_at      BIGINT NOT NULL,
    UNIQUE (order_id, line_no)
);
CREATE INDEX addon_service_customer ON addon_service (customer_id);

-- A shopping cart (ORD-5). owner: 'customer:<id>' for a signed-in customer, 'visitor:<id>' before sign-in.
CREATE TABLE cart (
    id            TEXT PRIMARY KEY,
    owner         TEXT NOT NULL UNIQUE,
    currency      TEXT NOT NULL,
    voucher_code  TEXT,
    updated_at    BIGINT NOT NULL
);

-- kind: REGISTER, TRANSFER or ADDON. auth_code_sealed: a transfer's auth code, sealed with the host's secret box.
-- nameservers: host names separated by spaces; empty for the operator's default nameservers.
CREATE TABLE cart_item (
    id                  TEXT PRIMARY KEY,
    cart_id             TEXT NOT NULL,
    position            INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    domain              TEXT,
    product_id          TEXT,
    period_months       INTEGER NOT NULL,
    holder_contact_id   TEXT,
    nameservers         TEXT NOT NULL DEFAULT '',
    auth_code_sealed    TEXT,
    signed_mark         TEXT,
    created_at          BIGINT NOT NULL
);
CREATE INDEX cart_item_cart ON cart_item (cart_id, position);

-- An order (ORD-5): PLACED → FUNDED → PROVISIONING → COMPLETED | FAILED, or HELD_FOR_REVIEW in the clearing
-- center, or CANCELLED before anything was held. request_key makes placing an order idempotent per customer.
CREATE TABLE customer_order (
    id                 TEXT PRIMARY KEY,
    customer_id        TEXT NOT NULL,
    request_key        TEXT NOT NULL,
    currency           TEXT NOT NULL,
    subtotal_minor     BIGINT NOT NULL,
    discount_minor     BIGINT NOT NULL,
    total_minor        BIGINT NOT NULL,
    voucher_code       TEXT,
    payment_method     TEXT NOT NULL,
    state              TEXT NOT NULL,
    review_reason      TEXT,
    message            TEXT,
    terms_accepted_at  BIGINT NOT NULL,
    placed_at          BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    UNIQUE (customer_id, request_key)
);
CREATE INDEX customer_order_customer ON customer_order (customer_id, placed_at);
CREATE INDEX customer_order_state ON customer_order (state, updated_at);

-- A line of an order. operation_key: the idempotency key of its hold and registry command.
-- not_before: a pre-registration waits until general availability opens (ORD-7).
-- state: WAITING, QUEUED, PROVISIONING, PENDING (the registry decides later), COMPLETED, FAILED, CANCELLED.
CREATE TABLE order_line (
    order_id            TEXT NOT NULL,
    line_no             INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    charge_kind         TEXT NOT NULL,
    domain              TEXT,
    tld                 TEXT,
    product_id          TEXT,
    description         TEXT NOT NULL,
    period_months       INTEGER NOT NULL,
    price_minor         BIGINT NOT NULL,
    discount_minor      BIGINT NOT NULL,
    holder_contact_id   TEXT,
    nameservers         TEXT NOT NULL DEFAULT '',
    auth_code_sealed    TEXT,
    signed_mark         TEXT,
    launch_phase        TEXT,
    not_before          BIGINT,
    operation_key       TEXT NOT NULL UNIQUE,
    state               TEXT NOT NULL,
    message             TEXT,
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_line_queue ON order_line (state, not_before);
