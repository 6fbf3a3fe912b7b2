package org.oostkit.wrt.adapters.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks the HTTP basic credentials Postmark sends. Both sides are hashed before the constant-time compare,
 * so neither the content nor the length of the configured secret leaks through timing.
 */
public final class PostmarkCredentials {

    private static final String BASIC = "Basic ";

    private final byte[] expected;

    public PostmarkCredentials(String username, String password) {
        this.expected = isBlank(username) || isBlank(password)
                ? null
                : sha256((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public boolean configured() {
        return expected != null;
    }

    /** Whether the {@code Authorization} header carries the configured credentials (never, when unset). */
    public boolean accept(String authorization) {
        if (expected == null || authorization == null
                || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(given));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
