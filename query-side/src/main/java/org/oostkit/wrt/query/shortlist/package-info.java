/**
 * The workshop shortlist read model: its rules as plain objects, the projection writing what they decide, and
 * its queries.
 */
package org.oostkit.wrt.query.shortlist;
