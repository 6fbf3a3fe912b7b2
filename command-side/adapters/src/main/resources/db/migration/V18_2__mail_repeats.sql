-- Mails an admin decides to send again (issue #17): RESEND (the invitation once more, with a new link) and
-- REMINDER_NOW ("remind everyone who has not answered now"). Still one row per (invitation, purpose): a later
-- decision puts a finished and recorded row back in the queue, so each decision mails a person at most once.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_purpose;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_purpose
    CHECK (purpose IN ('INVITATION', 'REMINDER', 'RESEND', 'REMINDER_NOW'));

-- When an admin sent someone the invitation again or reminded a round now, and who: what the round page shows.
CREATE TABLE mail_admin_action (
    id              BIGSERIAL   PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    campaign_id     UUID        NOT NULL,
    round_id        UUID        NOT NULL,
    invitation_id   UUID,
    action          TEXT        NOT NULL,
    actor           TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT mail_admin_action_kind CHECK (action IN ('RESEND', 'REMIND_NOW'))
);
CREATE INDEX mail_admin_action_round ON mail_admin_action (round_id, occurred_at);
