-- Every link an invitation was sent stays valid while its round is open, so the directory keeps the hash of
-- each token (invitation_directory.token_hash remains the newest one).
CREATE TABLE invitation_link_token (
    token_hash    VARCHAR(64) NOT NULL PRIMARY KEY,
    invitation_id UUID        NOT NULL
);
CREATE INDEX invitation_link_token_invitation ON invitation_link_token (invitation_id);
INSERT INTO invitation_link_token (token_hash, invitation_id)
SELECT token_hash, invitation_id FROM invitation_directory WHERE token_hash IS NOT NULL;
