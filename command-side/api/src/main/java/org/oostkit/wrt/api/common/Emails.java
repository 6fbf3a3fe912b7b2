package org.oostkit.wrt.api.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as WRT compares them: trimmed and lower-cased, so that {@code " Alice@Example.org"}
 * and {@code "alice@example.org"} are the same person. Validation is deliberately pragmatic (one {@code @},
 * a dot in the domain, no spaces, RFC 5321 length limits): the mail server is the final judge.
 */
public final class Emails {

    public static final int MAX_LENGTH = 254;

    private static final Pattern PLAUSIBLE =
            Pattern.compile("^[^\\s@\"<>(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");

    private Emails() {
    }

    /** Trimmed, lower-case form; {@code null} stays {@code null}. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the (normalised) address looks deliverable enough to send to. */
    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && PLAUSIBLE.matcher(email).matches();
    }
}
