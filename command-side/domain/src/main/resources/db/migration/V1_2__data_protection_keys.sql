-- Crypto-shredding keys, outside the event store. One key per (scope, subject): the scope is a campaign or
-- an organisation, the subject a person (or the all-zero UUID for the scope's shared key). Keys are stored
-- wrapped (AES-GCM) with the server's master key. Destroying a key nulls it and keeps the row as a
-- tombstone, so that no new key is ever made for an erased subject.
CREATE TABLE data_protection_key (
    scope_id     UUID        NOT NULL,
    subject_id   UUID        NOT NULL,
    wrapped_key  BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at TIMESTAMPTZ,
    PRIMARY KEY (scope_id, subject_id),
    CONSTRAINT data_protection_key_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);

-- A scope whose every key was destroyed: any personal data written to it later is not stored at all.
CREATE TABLE data_protection_erased_scope (
    scope_id  UUID        NOT NULL PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
