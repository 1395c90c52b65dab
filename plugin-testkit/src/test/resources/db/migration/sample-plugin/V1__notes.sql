CREATE TABLE sample_plugin_note (
    id         TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE sample_plugin_tag (
    note_id TEXT NOT NULL REFERENCES sample_plugin_note (id),
    tag     TEXT NOT NULL,
    PRIMARY KEY (note_id, tag)
);
