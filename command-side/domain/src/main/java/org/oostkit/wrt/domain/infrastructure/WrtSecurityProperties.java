package org.oostkit.wrt.domain.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Base64;

/**
 * Server secrets and verification limits ({@code wrt.security.*}, {@code wrt.verification.*}).
 *
 * @param masterKey base64 of 32 bytes: wraps the data-protection keys ({@code WRT_MASTER_KEY})
 * @param hmacKey   base64 of at least 32 bytes: keys the hashes of tokens, codes and person ids
 *                  ({@code WRT_HMAC_KEY})
 */
@ConfigurationProperties(prefix = "wrt.security")
public record WrtSecurityProperties(String masterKey, String hmacKey, Verification verification) {

    public WrtSecurityProperties {
        if (verification == null) {
            verification = new Verification(null, 0, 0, 0);
        }
    }

    byte[] masterKeyBytes() {
        return decode("wrt.security.master-key (WRT_MASTER_KEY)", masterKey);
    }

    byte[] hmacKeyBytes() {
        return decode("wrt.security.hmac-key (WRT_HMAC_KEY)", hmacKey);
    }

    private static byte[] decode(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: generate one with `openssl rand -base64 32`");
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64", e);
        }
    }

    /** Limits of verification codes; zero or missing values take the defaults. */
    public record Verification(Duration codeValidity, int maxAttempts, int maxCodesPerHour, int maxCodes) {
    }
}
