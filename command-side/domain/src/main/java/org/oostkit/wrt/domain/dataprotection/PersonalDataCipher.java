package org.oostkit.wrt.domain.dataprotection;

import org.oostkit.wrt.api.common.PersonalData;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts single personal-data values into self-describing text:
 * {@code wrt:v1:<scope>:<subject>:<base64url(iv ‖ AES-GCM ciphertext)>}. The scope and subject are bound as
 * associated data, so a ciphertext cannot be moved to another person. Decrypting a value whose key was
 * destroyed gives {@link PersonalData#ERASED}.
 */
public class PersonalDataCipher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonalDataCipher.class);

    static final String PREFIX = "wrt:v1:";
    private static final int IV_BYTES = 12;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final DataKeyStore keys;
    private final SecureRandom random = new SecureRandom();
    /** Looking a cipher up costs more than using it; each thread keeps one (a Cipher is not thread-safe). */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    public PersonalDataCipher(DataKeyStore keys) {
        this.keys = keys;
    }

    public String encrypt(UUID scope, UUID subject, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        UUID effectiveSubject = subject == null ? DataKeyStore.SCOPE_WIDE : subject;
        Optional<SecretKey> key = keys.keyForEncryption(scope, effectiveSubject);
        if (key.isEmpty()) {
            return PersonalData.ERASED; // erased people are not written down again
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(scope, effectiveSubject));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + scope + ":" + effectiveSubject + ":" + B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt personal data", e);
        }
    }

    /** Whether the text is a value this cipher made. */
    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The plaintext, {@link PersonalData#ERASED} if the key is gone, or the text itself if not sealed. */
    public String decrypt(String text) {
        if (!isSealed(text)) {
            return text;
        }
        String[] parts = text.substring(PREFIX.length()).split(":", 3);
        UUID scope;
        UUID subject;
        try {
            scope = UUID.fromString(parts[0]);
            subject = UUID.fromString(parts[1]);
        } catch (RuntimeException e) {
            return unreadable(null);
        }
        Optional<SecretKey> key = keys.keyForDecryption(scope, subject);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        try {
            byte[] in = B64D.decode(parts[2]);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(aad(scope, subject));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return unreadable(scope);
        }
    }

    /**
     * A sealed value that cannot be opened (malformed, or its authentication tag does not match: altered).
     * It reads as erased rather than stopping every reader of the event; the integrity check of the stored
     * history is where an alteration is reported.
     */
    private static String unreadable(UUID scope) {
        log.warn("A sealed personal value could not be opened (scope {}); it reads as erased", scope);
        return PersonalData.ERASED;
    }

    private static byte[] aad(UUID scope, UUID subject) {
        return (scope + "/" + subject).getBytes(StandardCharsets.US_ASCII);
    }
}
