package org.oostkit.wrt.domain.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA-256 with the server's key. Tokens and codes are recorded only as these hashes: without the key,
 * a stolen database reveals neither, and a 6-digit code cannot be brute-forced offline.
 */
public class KeyedHasher {

    /** The purpose under which invitation link tokens are hashed. */
    public static final String INVITATION_TOKEN = "invitation-token";

    private final SecretKeySpec key;

    public KeyedHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the HMAC key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** Lower-case hex HMAC of {@code purpose:value}; the purpose keeps hashes of different kinds apart. */
    public String hash(String purpose, String value) {
        return HexFormat.of().formatHex(mac(purpose + ":" + value));
    }

    public byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares two hashes in constant time. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
