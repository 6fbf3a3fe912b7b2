package org.oostkit.wrt.api.common;

/**
 * New secrets for links, and the keyed hashes (HMAC-SHA-256 under the application's key) under which they
 * are recorded. Raw secrets are mailed and forgotten; only hashes are stored or sent in commands. Implemented
 * on the command side, which owns the key.
 */
public interface Secrets {

    /** A new URL-safe random token (256 bits). */
    String newToken();

    /** The hash under which an invitation's magic-link token is recorded (see IssueInvitationToken). */
    String invitationTokenHash(String token);

    /** The hash under which an admin's one-time sign-in token is recorded. */
    String signInTokenHash(String token);

    /** Constant-time comparison of two hashes. */
    boolean same(String hash, String otherHash);
}
