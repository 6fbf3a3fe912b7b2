/**
 * Where the rows of the projection rules go: the tenant's schema in batches at commit (live), or memory,
 * loaded with COPY into a schema (rebuild) or into temporary tables (as-of views).
 */
package org.oostkit.wrt.query.sink;
