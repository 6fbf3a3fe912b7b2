package org.oostkit.wrt.domain.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh secrets from a cryptographically strong source. */
public class SecretGenerator {

    private final SecureRandom random = new SecureRandom();

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    public String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A uniformly random 6-digit code, leading zeros kept. */
    public String sixDigitCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }
}
