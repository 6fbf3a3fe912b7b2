-- Provider webhook records, accepted (authenticated, parsed) but not yet applied to their invitations.
-- A request is answered 200 once its records are here; workers apply them as commands and delete the row.
-- Only what WRT keeps is stored: event key, kind, tenant and invitation ids, time. Never addresses, links
-- or user agents.
CREATE TABLE webhook_inbox (
    id              BIGSERIAL    PRIMARY KEY,
    provider        VARCHAR(20)  NOT NULL,
    reports         TEXT         NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error      TEXT
);

CREATE INDEX webhook_inbox_due ON webhook_inbox (next_attempt_at, id);
