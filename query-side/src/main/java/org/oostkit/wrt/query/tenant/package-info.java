/**
 * Tenants of the read side: the registry of organisations (public schema) and each organisation's own
 * schema, created and migrated by Flyway ({@code db/tenant}) when the organisation is registered and for
 * every known organisation at start-up.
 */
package org.oostkit.wrt.query.tenant;
