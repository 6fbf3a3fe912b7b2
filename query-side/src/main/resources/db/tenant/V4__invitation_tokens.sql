-- The keyed hash of each invitation's current magic-link token, so the nominator's page can find the
-- invitation its link belongs to. A newer token replaces the older one (the older link stops working).
ALTER TABLE contact ADD COLUMN token_hash CHAR(64);
CREATE INDEX contact_token ON contact (token_hash) WHERE token_hash IS NOT NULL;
