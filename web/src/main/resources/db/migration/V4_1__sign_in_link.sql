-- One-time sign-in links of admins and auditors (standalone mode). Only the keyed hash of the token is kept;
-- the raw token exists only in the mail. A link is consumed by one atomic UPDATE (used_at IS NULL AND
-- expires_at > now()); the mail side's cleanup job deletes expired rows.
CREATE TABLE sign_in_link (
    token_hash text PRIMARY KEY,
    email      text        NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE INDEX sign_in_link_expires_at ON sign_in_link (expires_at);
