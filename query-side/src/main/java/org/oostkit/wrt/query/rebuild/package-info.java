/**
 * Rebuilding the read models in bulk (all tenants or one) from one read of the event store, through the
 * projection rules into memory and with COPY into the tenants' schemas, and the operator's replay jobs.
 */
package org.oostkit.wrt.query.rebuild;
