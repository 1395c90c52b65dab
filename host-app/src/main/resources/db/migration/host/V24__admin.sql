-- The operator's staff and their notes on customers (ADM-1).

-- A staff member signs in on the web like a customer, with their own account, and is treated as the operator
-- (role ADMIN) for as long as a row here names the account.
CREATE TABLE staff_member (
    customer_id  TEXT PRIMARY KEY REFERENCES customer (id),
    created_at   BIGINT NOT NULL
);

-- Notes staff write on a customer, newest first; author is the staff member's account id.
CREATE TABLE customer_note (
    id           TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customer (id),
    author       TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX customer_note_customer ON customer_note (customer_id, created_at);
