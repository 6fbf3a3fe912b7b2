-- The workshop shortlist (#18): who was chosen, when, by whom and with which note; and whether it is final.
-- Names and addresses are not copied: they are read from person, which erasure already covers.
CREATE TABLE shortlist_choice (
    campaign_id UUID         NOT NULL,
    person_id   UUID         NOT NULL,
    chosen_at   TIMESTAMPTZ  NOT NULL,
    chosen_by   VARCHAR(300) NOT NULL DEFAULT '',
    note        TEXT         NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, person_id)
);

CREATE TABLE shortlist_state (
    campaign_id UUID         NOT NULL PRIMARY KEY,
    closed_at   TIMESTAMPTZ  NOT NULL,
    closed_by   VARCHAR(300) NOT NULL DEFAULT '',
    people      INT          NOT NULL
);
