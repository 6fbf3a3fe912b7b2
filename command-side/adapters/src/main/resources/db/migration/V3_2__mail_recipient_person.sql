-- Which person an invitation's recipient row belongs to, so that erasing a person (PersonErased) removes
-- their address and name from the mail tables too. Rows written before this column have none and are
-- removed with their campaign or by the recipient retention cleanup.
ALTER TABLE mail_recipient ADD COLUMN person_id UUID;
CREATE INDEX mail_recipient_person ON mail_recipient (campaign_id, person_id);
