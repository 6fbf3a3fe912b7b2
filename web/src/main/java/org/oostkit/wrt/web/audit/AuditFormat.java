package org.oostkit.wrt.web.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times on the audit pages: shown and entered in UTC, as the event store records them. */
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
}
