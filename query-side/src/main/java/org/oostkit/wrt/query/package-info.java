/**
 * The read side: projections into per-tenant PostgreSQL schemas, queries answered with view records,
 * reports and exports. It reads the command side's events and nothing else of it.
 */
package org.oostkit.wrt.query;
