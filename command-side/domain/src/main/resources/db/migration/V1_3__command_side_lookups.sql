-- Command-side lookups: small tables that command handlers consult for rules spanning aggregates.
-- A subscribing event processor keeps them in the same transaction as the events they follow.
-- They are not read models: nothing but the command side reads them.

CREATE TABLE organisation_directory (
    organisation_id UUID        NOT NULL PRIMARY KEY,
    slug            VARCHAR(63) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    CONSTRAINT organisation_directory_slug UNIQUE (slug)
);

CREATE TABLE round_directory (
    round_id        UUID        NOT NULL PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    campaign_id     UUID        NOT NULL,
    round_number    INT         NOT NULL,
    open            BOOLEAN     NOT NULL,
    CONSTRAINT round_directory_number UNIQUE (campaign_id, round_number)
);

CREATE TABLE invitation_directory (
    invitation_id   UUID        NOT NULL PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    campaign_id     UUID        NOT NULL,
    round_id        UUID        NOT NULL,
    person_id       UUID        NOT NULL,
    token_hash      VARCHAR(64),
    verified        BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX invitation_directory_token ON invitation_directory (token_hash);
CREATE INDEX invitation_directory_round ON invitation_directory (round_id);
