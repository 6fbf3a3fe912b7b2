-- Tamper evidence and the audit trail (issue #6).
--
-- Every event's metadata carries wrt.hash: SHA-256 chaining it to the previous event of its aggregate
-- (see org.oostkit.wrt.domain.integrity.EventHash). It is written by WRT's append statement, so nothing
-- here computes it.
--
-- campaign_id: the campaign an event belongs to (the campaignId its payload names, or, for an event that
-- names none, that of its aggregate's earlier events), written by the same append statement. It lets the
-- audit trail, the as-of views and the campaign-scoped integrity check read one campaign's events in
-- global order without scanning the store. It is derived data and not trusted: the integrity check
-- recomputes it from the (hash-covered) payload and reports a mismatch.
ALTER TABLE domainevententry ADD COLUMN campaign_id UUID;

-- events stored before this column existed: the campaign named in the (plaintext JSON) payload
UPDATE domainevententry
   SET campaign_id = (convert_from(payload, 'UTF8')::jsonb ->> 'campaignId')::uuid
 WHERE convert_from(payload, 'UTF8')::jsonb ? 'campaignId';
UPDATE domainevententry e
   SET campaign_id = (SELECT f.campaign_id FROM domainevententry f
                       WHERE f.aggregateidentifier = e.aggregateidentifier AND f.campaign_id IS NOT NULL
                       ORDER BY f.sequencenumber LIMIT 1)
 WHERE e.campaign_id IS NULL AND e.type IS NOT NULL;

CREATE INDEX domainevententry_campaign ON domainevententry (campaign_id, globalindex)
    WHERE campaign_id IS NOT NULL;
