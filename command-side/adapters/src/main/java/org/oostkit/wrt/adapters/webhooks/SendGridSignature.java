package org.oostkit.wrt.adapters.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * SendGrid's signed event webhook: an ECDSA (P-256, SHA-256) signature over the timestamp header followed
 * by the raw request body. The body is verified as received, byte for byte; a timestamp further than
 * {@code maxAge} from now (either way) is refused, so a captured request cannot be replayed later.
 */
public final class SendGridSignature {

    public enum Verdict { VALID, NOT_CONFIGURED, MISSING, STALE, INVALID }

    private final PublicKey key;
    private final Duration maxAge;
    private final Clock clock;

    public SendGridSignature(String base64Key, Duration maxAge, Clock clock) {
        this.key = base64Key == null || base64Key.isBlank() ? null : parse(base64Key);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public boolean configured() {
        return key != null;
    }

    /** The checks that need no body: configured, both headers present, timestamp fresh (VALID so far). */
    public Verdict verifyHeaders(String signature, String timestamp) {
        if (key == null) {
            return Verdict.NOT_CONFIGURED;
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return Verdict.MISSING;
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Verdict.INVALID;
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(maxAge) > 0) {
            return Verdict.STALE;
        }
        return Verdict.VALID;
    }

    public Verdict verify(String signature, String timestamp, byte[] body) {
        Verdict headers = verifyHeaders(signature, timestamp);
        if (headers != Verdict.VALID) {
            return headers;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body == null ? new byte[0] : body);
            return verifier.verify(Base64.getDecoder().decode(signature.strip())) ? Verdict.VALID : Verdict.INVALID;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // not base64, or not a DER signature: as good as a wrong one
            return Verdict.INVALID;
        }
    }

    /** A wrong key is a configuration error, reported at start-up rather than as 401s for every event. */
    private static PublicKey parse(String base64Key) {
        try {
            PublicKey parsed = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64Key.strip())));
            if (!(parsed instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalStateException("SENDGRID_WEBHOOK_PUBLIC_KEY is not a P-256 (secp256r1) key");
            }
            return parsed;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("SENDGRID_WEBHOOK_PUBLIC_KEY is not a base64 DER (SubjectPublicKeyInfo) "
                    + "EC public key: " + e.getMessage(), e);
        }
    }
}
