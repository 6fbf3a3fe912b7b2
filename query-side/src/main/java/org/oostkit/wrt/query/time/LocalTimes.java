package org.oostkit.wrt.query.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

/**
 * How WRT states a moment to people, in one place: pages, mails, the PDF and the CSV all format through here, so
 * a deadline reads the same everywhere: "Friday 18 December 2026, 17:00 (Europe/Amsterdam, CET)". The zone is
 * always named, by its IANA id and the abbreviation in force at that moment (which tells summer from winter).
 * <p>
 * Entered local times that do not exist or exist twice (daylight saving changes) are read deterministically:
 * a time in a gap moves forward by the length of the gap (02:30 on a spring-forward night becomes 03:30), a
 * time in an overlap takes the earlier offset (the first 02:30 of an autumn night).
 */
public final class LocalTimes {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Set<String> UTC_IDS = Set.of("Z", "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal",
            "Etc/Universal", "Zulu", "Etc/Zulu");

    private LocalTimes() {
    }

    /** A moment in full, with its zone: "Friday 18 December 2026, 17:00 (Europe/Amsterdam, CET)"; empty for null. */
    public static String moment(Instant instant, ZoneId zone) {
        return instant == null ? "" : MOMENT.format(instant.atZone(zone)) + " (" + zoneName(instant, zone) + ")";
    }

    /**
     * A moment in full in the reader's language, with its zone named as in {@link #moment(Instant, ZoneId)}:
     * "vrijdag 18 december 2026, 17:00 (Europe/Amsterdam, CET)"; English for languages without a pattern here.
     */
    public static String moment(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : pattern(locale, "EEEE d MMMM yyyy, HH:mm", "EEEE, d. MMMM yyyy, HH:mm")
                .format(instant.atZone(zone)) + " (" + zoneName(instant, zone) + ")";
    }

    /** The day and month in the reader's language, for subject lines: "18 december", "18. Dezember". */
    public static String dayMonth(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : pattern(locale, "d MMMM", "d. MMMM").format(instant.atZone(zone));
    }

    /** German writes the day with a full stop ("18. Dezember"); English, Dutch and French do not. */
    private static DateTimeFormatter pattern(Locale locale, String plain, String german) {
        String language = locale == null ? "en" : locale.getLanguage();
        return switch (language) {
            case "nl", "fr" -> DateTimeFormatter.ofPattern(plain, Locale.forLanguageTag(language));
            case "de" -> DateTimeFormatter.ofPattern(german, Locale.GERMAN);
            default -> DateTimeFormatter.ofPattern(plain, Locale.ENGLISH);
        };
    }

    /** A moment for tables, with its abbreviation: "18 Dec 2026, 17:00 CET"; empty for null. */
    public static String shortMoment(Instant instant, ZoneId zone) {
        return instant == null ? "" : SHORT.format(instant.atZone(zone)) + " " + abbreviation(instant, zone);
    }

    /** A moment for tables in the reader's language: "18 dec. 2026, 17:00 CET"; empty for null. */
    public static String shortMoment(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : pattern(locale, "d MMM yyyy, HH:mm", "d. MMM yyyy, HH:mm")
                .format(instant.atZone(zone)) + " " + abbreviation(instant, zone);
    }

    /** The day of a moment in the zone in the reader's language: "18 december 2026"; empty for null. */
    public static String day(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : pattern(locale, "d MMMM yyyy", "d. MMMM yyyy").format(instant.atZone(zone));
    }

    /** The day of a moment in the zone, short, in the reader's language: "18 dec. 2026"; empty for null. */
    public static String shortDay(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : pattern(locale, "d MMM yyyy", "d. MMM yyyy").format(instant.atZone(zone));
    }

    /** The day of a moment in the zone: "18 December 2026"; empty for null. */
    public static String day(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    /** The day and month of a moment in the zone, for subject lines: "18 December"; empty for null. */
    public static String dayMonth(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY_MONTH.format(instant.atZone(zone));
    }

    /** The day of a moment in the zone, short: "18 Dec 2026"; empty for null. */
    public static String shortDay(Instant instant, ZoneId zone) {
        return instant == null ? "" : SHORT_DAY.format(instant.atZone(zone));
    }

    /** ISO-8601 with the offset in force, to the second, for files: "2026-12-18T17:00:00+01:00"; empty for null. */
    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    /** The zone as people recognise it at that moment: "Europe/Amsterdam, CET", or just "UTC". */
    public static String zoneName(Instant instant, ZoneId zone) {
        if (isUtc(zone)) {
            return "UTC";
        }
        String abbreviation = abbreviation(instant, zone);
        return abbreviation.equals(zone.getId()) ? zone.getId() : zone.getId() + ", " + abbreviation;
    }

    /** The zone's name now, for labels such as "Deadline (Europe/Amsterdam, CET)". */
    public static String zoneName(ZoneId zone) {
        return zoneName(Instant.now(), zone);
    }

    /**
     * The abbreviation in force ("CET", "EDT", "IST"); zones without one get their offset ("UTC+03:00"), as the
     * generic "GMT+03:00" reads like a different place.
     */
    public static String abbreviation(Instant instant, ZoneId zone) {
        if (isUtc(zone)) {
            return "UTC";
        }
        ZonedDateTime at = (instant == null ? Instant.now() : instant).atZone(zone);
        String text = ABBREVIATION.format(at);
        if (text.startsWith("GMT+") || text.startsWith("GMT-") || text.startsWith("UTC+") || text.startsWith("UTC-")) {
            return "UTC" + at.getOffset().getId();
        }
        return text;
    }

    /** The value of a {@code datetime-local} input showing this moment in the zone; empty for null. */
    public static String inputValue(Instant instant, ZoneId zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * Reads a {@code datetime-local} value ("2026-12-18T17:00", seconds allowed) as a time in the zone; null when
     * blank or not such a value. Gaps shift forward, overlaps take the earlier offset (see the class comment).
     */
    public static Instant fromInput(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // atZone is exactly the documented rule: later by the gap's length, or the earlier offset
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whether this local time is skipped or repeated in the zone (so a form can say how it was read). */
    public static boolean ambiguous(String value, ZoneId zone) {
        try {
            LocalDateTime local = LocalDateTime.parse(value.strip());
            return zone.getRules().getValidOffsets(local).size() != 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isUtc(ZoneId zone) {
        return UTC_IDS.contains(zone.getId());
    }
}
