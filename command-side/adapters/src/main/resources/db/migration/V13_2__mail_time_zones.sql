-- Mails state times in the campaign's zone, else the organisation's; NULL in both: the configured default
-- (wrt.time-zone), as for organisations and campaigns from before zones existed.
ALTER TABLE mail_organisation ADD COLUMN time_zone TEXT;
ALTER TABLE mail_campaign ADD COLUMN time_zone TEXT;
