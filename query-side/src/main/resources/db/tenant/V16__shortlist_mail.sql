-- Each shortlisted person's "you have been selected" mail (#18), from the campaign's events: asked for when,
-- then told (handed to the mail server) or not, and why not. It stays when the person is taken off the list.
CREATE TABLE shortlist_mail (
    campaign_id UUID         NOT NULL,
    person_id   UUID         NOT NULL,
    asked_at    TIMESTAMPTZ  NOT NULL,
    state       VARCHAR(20)  NOT NULL CHECK (state IN ('SENDING', 'TOLD', 'NOT_SENT', 'UNCERTAIN')),
    finished_at TIMESTAMPTZ,
    reason      TEXT         NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, person_id)
);
