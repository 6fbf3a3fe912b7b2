/**
 * The nominator's read side: the invitation behind a magic link (by the keyed hash of its current token,
 * within one tenant) and the nominator's current list. Reads the round package's contact table and the
 * campaign package's nomination table; decides nothing.
 */
package org.oostkit.wrt.query.invitation;
