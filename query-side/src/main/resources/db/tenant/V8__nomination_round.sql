-- The round page lists the nominations made in one round (whom each contact named, and why).
CREATE INDEX nomination_round ON nomination (campaign_id, round_number);
-- The results page shows who named each person of a page, earliest rounds first, a bounded number each:
-- with the round in the index the scan stops at that number instead of reading every nomination.
DROP INDEX nomination_nominee;
CREATE INDEX nomination_nominee ON nomination (campaign_id, nominee_id, round_number);
