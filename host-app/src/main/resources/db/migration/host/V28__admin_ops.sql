-- The operator's customising of the storefront (ADM-6): one row per setting, by name. Names: theme, colour.primary,
-- colour.accent, colour.header, text.welcome, text.footer, text.terms-url, logo (the image, base64), logo.type (its
-- media type). Rich texts are stored already cleaned. updated_at is when the value was saved.
CREATE TABLE site_setting (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Staff members have a role: ADMIN (the operator, changes everything) or SUPPORT (reads the admin pages and acts in
-- the clearing center). Existing staff members stay ADMIN.
ALTER TABLE staff_member ADD COLUMN role TEXT NOT NULL DEFAULT 'ADMIN';
