/**
 * Where the rows of the projection rules go: the tenant's schema, a batch's changes written at commit (live);
 * memory, loaded with COPY into a tenant's schema (rebuild) or into temporary tables (as-of views).
 */
package org.oostkit.wrt.query.sink;
