-- The keyed hash (never the token) of the link token a mail carries, kept from the moment it is handed to
-- the server until the invitation has recorded the mail (the token is issued with that record), so that a
-- record that failed or an instance that stopped in between can still issue it later.
ALTER TABLE mail_outbox ADD COLUMN token_hash text;

-- When an instance last took this finished row to record its outcome on the invitation: a short lease, so
-- that the recording commands run outside any database transaction and two instances do not both record it.
ALTER TABLE mail_outbox ADD COLUMN recording_at timestamptz;
