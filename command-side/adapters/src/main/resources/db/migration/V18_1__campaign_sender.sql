-- Who a campaign's mail comes from (issue #17): the sender's display name, the Reply-To address and the
-- contact person named in every mail, copied by the mail policy from CampaignSenderChanged. Empty: not set.
ALTER TABLE mail_campaign ADD COLUMN sender_name   TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_campaign ADD COLUMN reply_to      TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_campaign ADD COLUMN contact_name  TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_campaign ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
