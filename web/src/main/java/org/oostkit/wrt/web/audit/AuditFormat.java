package org.oostkit.wrt.web.audit;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times and names on the audit pages: times shown and entered in UTC, as the event store records them; event
 * types as words in the admin's language ("NominationSubmitted" reads "Nomination submitted").
 */
final class AuditFormat {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private AuditFormat() {
    }

    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    /** The value of a {@code datetime-local} input (seconds precision, UTC). */
    static String input(Instant at) {
        return at == null ? "" : INPUT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * An instant from a form or link: an ISO instant ({@code …Z}, as the quick picks send, to the
     * millisecond) or a {@code datetime-local} value read as UTC. Null for blank.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("not a date and time: " + value, again);
            }
        }
    }

    /**
     * An event type in the admin's language; a type the bundles lack reads as its class name's words, split at
     * capitals, only the first capitalised.
     */
    static String label(String eventType) {
        if (eventType == null || eventType.isEmpty()) {
            return "";
        }
        return AdminLanguage.textOr("event." + eventType, words(eventType));
    }

    private static String words(String eventType) {
        String[] words = eventType.split("(?<=[a-z0-9])(?=[A-Z])");
        StringBuilder label = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            // acronyms (URL, CSV) keep their capitals
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(java.util.Locale.ROOT));
            label.append(' ').append(acronym ? word : word.toLowerCase(java.util.Locale.ROOT));
        }
        return label.toString();
    }
}
