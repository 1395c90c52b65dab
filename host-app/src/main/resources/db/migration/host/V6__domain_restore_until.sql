-- A domain in REDEMPTION can be restored until the registry deletes it for good (PA-6): restore_until is
-- that moment when the registry said it (a poll message, the demo data), else NULL. Cleared on restore.
ALTER TABLE domain ADD COLUMN restore_until BIGINT;
