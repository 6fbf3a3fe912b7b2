-- The read side's registry of organisations (tenants). Each has its read models in its own schema.
CREATE TABLE tenant (
    organisation_id UUID         NOT NULL PRIMARY KEY,
    slug            VARCHAR(63)  NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    schema_name     VARCHAR(63)  NOT NULL UNIQUE,
    admin_emails    TEXT[]       NOT NULL DEFAULT '{}',
    auditor_emails  TEXT[]       NOT NULL DEFAULT '{}',
    registered_at   TIMESTAMPTZ  NOT NULL
);
