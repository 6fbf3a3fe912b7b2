-- The rounds in which a person was named, kept on the person row so the ranked list needs no subquery.
ALTER TABLE person ADD COLUMN rounds_named INT[] NOT NULL DEFAULT '{}';
UPDATE person p SET rounds_named = coalesce((SELECT array_agg(DISTINCT e.round_number ORDER BY e.round_number)
    FROM nomination e WHERE e.campaign_id = p.campaign_id AND e.nominee_id = p.person_id), '{}');

-- Top nominators without sorting every contact.
CREATE INDEX contact_nominators ON contact (campaign_id, nominee_count DESC, name, invitation_id);
