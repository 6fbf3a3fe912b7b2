-- "You have been selected" mails (issue #18) go through the same outbox, keyed (person id, 'SELECTION'):
-- they belong to no round, and carry the admin's message.
ALTER TABLE mail_outbox ALTER COLUMN round_id DROP NOT NULL;
ALTER TABLE mail_recipient ALTER COLUMN round_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN message TEXT;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_purpose;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_purpose CHECK (purpose IN ('INVITATION', 'REMINDER', 'RESEND', 'REMINDER_NOW', 'SELECTION'));
