/**
 * The workshop shortlist read model: its rules as plain objects ({@link org.oostkit.wrt.query.shortlist.ShortlistRules}),
 * a thin projection writing what they decide, and the queries.
 */
package org.oostkit.wrt.query.shortlist;
