/**
 * The workshop shortlist's queries: the list now, from its tables, and as it stood at an instant, from the
 * campaign's events. Its rules are in {@code projection}, its event handler and processor in {@code processing}.
 */
package org.oostkit.wrt.query.shortlist;
