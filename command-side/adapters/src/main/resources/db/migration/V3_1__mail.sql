-- Mail out (issue #5). The mail policy (processing group `mail-policy`, a tracking processor that never
-- replays) keeps these tables in the transaction of the events it follows; the outbox sender drains
-- mail_outbox. No raw token or code is ever stored here: a mail's link token is made and hashed by the
-- sender right before the mail goes out.

-- What a mail needs to say, copied from the events (slugs, campaign wording, round deadlines).
CREATE TABLE mail_organisation (
    organisation_id UUID NOT NULL PRIMARY KEY,
    slug            TEXT NOT NULL,
    name            TEXT NOT NULL
);

CREATE TABLE mail_campaign (
    campaign_id      UUID NOT NULL PRIMARY KEY,
    organisation_id  UUID NOT NULL,
    name             TEXT NOT NULL,
    invitation_text  TEXT NOT NULL
);

CREATE TABLE mail_round (
    round_id        UUID        NOT NULL PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    campaign_id     UUID        NOT NULL,
    round_number    INT         NOT NULL,
    deadline        TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ
);

-- Who was invited (the address and name, decrypted from ContactInvited), whether they answered and
-- whether their address failed for good: what a reminder and a suppression need. Rows of rounds closed
-- long ago are purged by the mail cleanup task.
CREATE TABLE mail_recipient (
    invitation_id   UUID    NOT NULL PRIMARY KEY,
    organisation_id UUID    NOT NULL,
    campaign_id     UUID    NOT NULL,
    round_id        UUID    NOT NULL,
    email           TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    responded       BOOLEAN NOT NULL DEFAULT FALSE,
    undeliverable   TEXT
);
CREATE INDEX mail_recipient_round ON mail_recipient (round_id);
CREATE INDEX mail_recipient_email ON mail_recipient (organisation_id, email);

-- One row per (invitation, purpose): the outbox key that makes every mail go out at most once.
--   pending    waiting (first try or a retry after a temporary failure, at next_attempt_at)
--   claimed    taken by a sender instance, not yet handed to SMTP (released again if that instance dies)
--   sending    being handed to SMTP right now
--   sent       accepted by the SMTP server
--   failed     permanent failure, or temporary failures until the attempts ran out
--   uncertain  found `sending` after its instance stopped: the server may or may not have taken it;
--              never sent again (one mail per purpose at most), shown to the admin as failed
--   suppressed the address bounced or complained earlier in this organisation
--   cancelled  a reminder whose round closed before it could go out
CREATE TABLE mail_outbox (
    invitation_id       UUID        NOT NULL,
    purpose             TEXT        NOT NULL,
    organisation_id     UUID        NOT NULL,
    campaign_id         UUID        NOT NULL,
    round_id            UUID        NOT NULL,
    status              TEXT        NOT NULL DEFAULT 'pending',
    attempts            INT         NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by          TEXT,
    claimed_at          TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at         TIMESTAMPTZ,
    provider_message_id TEXT,
    last_error          TEXT,
    recorded            BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (invitation_id, purpose),
    CONSTRAINT mail_outbox_status CHECK (status IN
        ('pending', 'claimed', 'sending', 'sent', 'failed', 'uncertain', 'suppressed', 'cancelled')),
    CONSTRAINT mail_outbox_purpose CHECK (purpose IN ('INVITATION', 'REMINDER'))
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_claimed ON mail_outbox (claimed_at) WHERE status IN ('claimed', 'sending');
CREATE INDEX mail_outbox_unrecorded ON mail_outbox (finished_at)
    WHERE NOT recorded AND status IN ('sent', 'failed', 'uncertain', 'suppressed');
CREATE INDEX mail_outbox_round ON mail_outbox (round_id);

-- Addresses an organisation no longer mails: a hard bounce or a spam complaint was reported.
CREATE TABLE mail_suppression (
    organisation_id UUID        NOT NULL,
    email           TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    invitation_id   UUID,
    occurred_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_id, email),
    CONSTRAINT mail_suppression_reason CHECK (reason IN ('BOUNCED', 'SPAM_COMPLAINT'))
);
