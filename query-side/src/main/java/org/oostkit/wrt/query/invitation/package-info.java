/**
 * The nominator's queries: the invitation behind a magic link (by its token's keyed hash) and the
 * nominator's current list.
 */
package org.oostkit.wrt.query.invitation;
