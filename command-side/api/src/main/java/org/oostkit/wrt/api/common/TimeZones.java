package org.oostkit.wrt.api.common;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Time zones as people choose them: IANA region ids such as {@code Europe/Amsterdam}, checked once here. Fixed
 * offsets ({@code +01:00}) are refused: they know no daylight saving time, so a deadline in winter would be
 * an hour off in summer. Case is forgiven ({@code europe/amsterdam}), the canonical spelling is kept.
 */
public final class TimeZones {

    private static final Map<String, String> CANONICAL = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
    private static final List<String> IDS = CANONICAL.values().stream().sorted().toList();
    private static final int ECHO_MAX = 60;

    private TimeZones() {
    }

    /** The zone this text names; a {@link RuleViolation} ({@link Rule#TIME_ZONE_INVALID}) when it names none. */
    public static ZoneId require(String text) {
        String id = text == null ? null : CANONICAL.get(text.strip().toLowerCase(Locale.ROOT));
        if (id == null) {
            String typed = text == null ? "" : text.strip();
            typed = typed.length() > ECHO_MAX ? typed.substring(0, ECHO_MAX) + "…" : typed;
            throw new RuleViolation(Rule.TIME_ZONE_INVALID, "'" + TextRule.visible(typed) + "' is not a time zone; use a name such as Europe/Amsterdam or America/New_York.",
                    TextRule.visible(typed));
        }
        return ZoneId.of(id);
    }

    /** Null for blank text (no zone of its own), otherwise {@link #require(String)}. */
    public static ZoneId optional(String text) {
        return text == null || text.isBlank() ? null : require(text);
    }

    /** Every zone id a person may choose, sorted (for a picker's suggestions). */
    public static List<String> ids() {
        return IDS;
    }
}
