/**
 * Rebuilding the read models in bulk: the event store is read once into an in-memory model of the tenant
 * tables (the same rules as the live projections, which a test holds them to), then the tables are loaded
 * with PostgreSQL's COPY and the processor continues from where the rebuild stopped.
 */
package org.oostkit.wrt.query.rebuild;
