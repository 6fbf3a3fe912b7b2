-- A webhook inbox row whose records kept failing is parked (issue #12): no longer retried, visible to
-- operators (list, retry, evict), so that it neither goes on forever nor is dropped without a trace.
ALTER TABLE webhook_inbox ADD COLUMN parked_at TIMESTAMPTZ;

DROP INDEX webhook_inbox_due;
CREATE INDEX webhook_inbox_due ON webhook_inbox (next_attempt_at, id) WHERE parked_at IS NULL;
CREATE INDEX webhook_inbox_parked ON webhook_inbox (parked_at) WHERE parked_at IS NOT NULL;
