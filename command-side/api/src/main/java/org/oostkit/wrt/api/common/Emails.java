package org.oostkit.wrt.api.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as WRT compares them: trimmed, NFC-normalised and lower-cased, so that
 * {@code " Alice@Example.org"} and {@code "alice@example.org"} are the same person. Validation is deliberately
 * pragmatic (one {@code @}, a dot in the domain, RFC 5321 length limits): the mail server is the final judge.
 * It is the one rule for every address that enters WRT; it refuses any white space, control character
 * (CR/LF would break the mail header), invisible format character (bidi controls) or broken surrogate.
 */
public final class Emails {

    public static final int MAX_LENGTH = 254;

    private static final Pattern PLAUSIBLE =
            Pattern.compile("^[^\\s\\p{Z}\\p{Cc}\\p{Cf}\\p{Cs}@\"<>(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");

    private Emails() {
    }

    /** Trimmed, NFC, lower-case form; {@code null} stays {@code null}. */
    public static String normalise(String email) {
        return email == null ? null
                : Normalizer.normalize(email, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the (normalised) address looks deliverable enough to send to. */
    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && PLAUSIBLE.matcher(email).matches();
    }
}
