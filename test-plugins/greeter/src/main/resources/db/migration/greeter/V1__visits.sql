CREATE TABLE greeter_visit (
    id         TEXT PRIMARY KEY,
    visited_at BIGINT NOT NULL
);
