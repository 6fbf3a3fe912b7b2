/**
 * Where each organisation's read models are: its own schema, created and migrated by Flyway from
 * {@code db/tenant} and read with {@link org.oostkit.wrt.query.tenant.Columns}; and the organisation queries.
 */
package org.oostkit.wrt.query.tenant;
