-- Every link an invitation was sent (invitation, reminder, "send again") works while its round is open: the
-- keyed hashes of all its tokens are kept, not only the newest (token_hash stays the newest one). A link of
-- a closed round still finds its invitation, whose page then says the round is closed.
ALTER TABLE contact ADD COLUMN token_hashes TEXT[] NOT NULL DEFAULT '{}';
UPDATE contact SET token_hashes = ARRAY[token_hash::text] WHERE token_hash IS NOT NULL;
CREATE INDEX contact_tokens ON contact USING gin (token_hashes);
