CREATE TABLE bad_plugin_ok (id TEXT PRIMARY KEY);
CREATE TABLE invoice_shadow (id TEXT PRIMARY KEY);
