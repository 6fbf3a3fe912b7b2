/**
 * Where each organisation's read models are: its own schema, created and migrated by Flyway from
 * {@code db/tenant}, and the organisation queries over the registry of tenants.
 */
package org.oostkit.wrt.query.tenant;
