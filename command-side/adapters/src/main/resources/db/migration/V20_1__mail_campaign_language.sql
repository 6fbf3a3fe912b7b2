-- The language a campaign addresses its nominators in (issue #17), copied by the mail policy from
-- CampaignLanguageChanged; the nominator pages read it here too, as they read the contact person.
ALTER TABLE mail_campaign ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
