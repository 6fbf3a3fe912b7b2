-- The schema of one organisation's read models; the projections' tables are added by later migrations.
COMMENT ON SCHEMA ${flyway:defaultSchema} IS 'WRT read models of one organisation';
