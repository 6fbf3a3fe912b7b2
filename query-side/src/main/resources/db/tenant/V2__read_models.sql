-- Read models of one organisation. Rebuilt from the event store on replay; nothing here is authoritative.

-- Campaign summary: settings and status (the counts are computed from the tables below).
CREATE TABLE campaign (
    campaign_id           UUID         NOT NULL PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    description           TEXT         NOT NULL DEFAULT '',
    invitation_text       TEXT         NOT NULL DEFAULT '',
    convergence_threshold INT          NOT NULL,
    default_round_days    INT          NOT NULL,
    reminder_enabled      BOOLEAN      NOT NULL,
    reminder_days_before  INT          NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL,
    completed_at          TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ  NOT NULL
);

-- Round status.
CREATE TABLE round (
    round_id         UUID        NOT NULL PRIMARY KEY,
    campaign_id      UUID        NOT NULL,
    round_number     INT         NOT NULL,
    status           VARCHAR(10) NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    deadline         TIMESTAMPTZ NOT NULL,
    reminder_at      TIMESTAMPTZ,
    reminder_sent_at TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ,
    close_reason     VARCHAR(30),
    invitation_count INT         NOT NULL,
    CONSTRAINT round_number_unique UNIQUE (campaign_id, round_number)
);

-- Roster and convergence: one row per campaign × person.
CREATE TABLE person (
    campaign_id           UUID         NOT NULL,
    person_id             UUID         NOT NULL,
    name                  VARCHAR(200) NOT NULL DEFAULT '',
    email                 VARCHAR(254) NOT NULL DEFAULT '',
    source                VARCHAR(10)  NOT NULL,
    in_roster             BOOLEAN      NOT NULL,
    added_at              TIMESTAMPTZ  NOT NULL,
    entered_round         INT,
    contacted_round       INT,
    nominator_count       INT          NOT NULL DEFAULT 0,
    first_nominated_round INT,
    first_nominated_at    TIMESTAMPTZ,
    PRIMARY KEY (campaign_id, person_id)
);
CREATE INDEX person_ranking ON person (campaign_id, nominator_count DESC, name, person_id);

-- Contact tracking: one row per invitation with its timeline.
CREATE TABLE contact (
    invitation_id   UUID         NOT NULL PRIMARY KEY,
    campaign_id     UUID         NOT NULL,
    round_id        UUID         NOT NULL,
    round_number    INT          NOT NULL,
    person_id       UUID         NOT NULL,
    name            VARCHAR(200) NOT NULL DEFAULT '',
    email           VARCHAR(254) NOT NULL DEFAULT '',
    delivery_status VARCHAR(20)  NOT NULL,
    invited_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    failure_reason  TEXT,
    delivered_at    TIMESTAMPTZ,
    opened_at       TIMESTAMPTZ,
    clicked_at      TIMESTAMPTZ,
    bounced_at      TIMESTAMPTZ,
    spam_at         TIMESTAMPTZ,
    link_opened_at  TIMESTAMPTZ,
    code_sent_at    TIMESTAMPTZ,
    verified_at     TIMESTAMPTZ,
    responded_at    TIMESTAMPTZ,
    revised_at      TIMESTAMPTZ,
    reminded_at     TIMESTAMPTZ,
    nominee_count   INT          NOT NULL DEFAULT 0
);
CREATE INDEX contact_round ON contact (round_id, delivery_status);
CREATE INDEX contact_campaign ON contact (campaign_id);

-- Nominations: the edges of the referral graph (a nominator is asked in one round only).
CREATE TABLE nomination (
    campaign_id   UUID         NOT NULL,
    nominator_id  UUID         NOT NULL,
    nominee_id    UUID         NOT NULL,
    round_id      UUID         NOT NULL,
    round_number  INT          NOT NULL,
    invitation_id UUID         NOT NULL,
    nominee_name  VARCHAR(200) NOT NULL,
    nominee_email VARCHAR(254) NOT NULL,
    reason        TEXT         NOT NULL DEFAULT '',
    nominated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (campaign_id, nominator_id, nominee_id)
);
CREATE INDEX nomination_nominee ON nomination (campaign_id, nominee_id);
