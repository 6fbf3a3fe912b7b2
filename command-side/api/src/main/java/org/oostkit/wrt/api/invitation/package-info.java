/**
 * Invitations: one person asked in one round. The magic link token, the emailed verification code and the
 * mail delivery timeline live here. Tokens and codes appear only as keyed hashes.
 */
package org.oostkit.wrt.api.invitation;
