/**
 * Rebuilding the read models in bulk (all tenants or one): the event store is read once, the projection rules
 * applied to tables in memory, and the tables loaded with PostgreSQL's COPY; the processor continues from
 * where the rebuild stopped. Operator replays of one tenant run here too.
 */
package org.oostkit.wrt.query.rebuild;
