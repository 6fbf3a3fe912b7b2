-- Local time: an organisation's zone (NULL: registered before zones existed, reads as the configured default)
-- and the zones campaigns chose for themselves (no row: the campaign follows its organisation).
ALTER TABLE tenant ADD COLUMN time_zone VARCHAR(64);

CREATE TABLE campaign_time_zone (
    campaign_id     UUID        NOT NULL PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    time_zone       VARCHAR(64) NOT NULL
);
