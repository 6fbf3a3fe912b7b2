-- The round page lists the nominations made in one round (whom each contact named, and why).
CREATE INDEX nomination_round ON nomination (campaign_id, round_number);
