-- An organisation's logo (issue #17): the upload re-encoded as a PNG at most 80 px high, so nothing of the
-- uploaded file itself is ever served. OrganisationLogoChanged records each change by the PNG's SHA-256.
CREATE TABLE organisation_logo (
    organisation_id UUID PRIMARY KEY,
    -- the public address names the organisation by its slug, which never changes once registered
    slug            TEXT        NOT NULL UNIQUE,
    png             BYTEA       NOT NULL,
    sha256          TEXT        NOT NULL,
    width           INTEGER     NOT NULL,
    height          INTEGER     NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
