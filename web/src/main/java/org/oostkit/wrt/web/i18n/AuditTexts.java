package org.oostkit.wrt.web.i18n;

import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What happened in an audit trail entry, in the admin's words: the entry's pattern ({@code audit.<EventType>[.<variant>]}
 * in the admin bundle) with its values, a nominee list worded item by item ({@code audit.nominee.reason} for a
 * person with a reason), or the command side's English sentence when the bundle has no such pattern or its values
 * do not fit it.
 */
public final class AuditTexts {

    static final String REASON = "audit.nominee.reason";

    private AuditTexts() {
    }

    /** The entry's summary in the language of the admin page being answered. */
    public static String summary(AuditEntry entry) {
        return summary(entry, AdminLanguage.locale());
    }

    /** The entry's summary in the given admin language. */
    public static String summary(AuditEntry entry, Locale locale) {
        String worded = worded(entry.summaryKey(), entry.summaryValues(), locale);
        return worded == null ? entry.summary() : worded;
    }

    private static String worded(String key, List<?> values, Locale locale) {
        Texts texts = AdminLanguage.texts();
        String pattern = key == null ? null : texts.getOr(locale, key, null);
        if (pattern == null || Refusals.values(pattern) != values.size()) {
            return null;
        }
        Object[] shown = new Object[values.size()];
        for (int i = 0; i < shown.length; i++) {
            Object value = values.get(i);
            shown[i] = value instanceof List<?> people ? people(people, locale) : value;
            if (shown[i] == null) {
                return null;
            }
        }
        try {
            return texts.get(locale, key, shown);
        } catch (IllegalArgumentException unfit) {
            // a value of another kind than the pattern formats (text for a plural): the English sentence stands
            return null;
        }
    }

    /** Nominees, each {@code [person]} or {@code [person, reason]}, joined as the English sentence joins them. */
    private static String people(List<?> people, Locale locale) {
        StringJoiner listed = new StringJoiner(", ");
        for (Object person : people) {
            if (!(person instanceof List<?> parts) || parts.isEmpty() || parts.size() > 2) {
                return null;
            }
            String worded = parts.size() == 1 ? String.valueOf(parts.get(0))
                    : worded(REASON, new ArrayList<Object>(parts), locale);
            if (worded == null) {
                return null;
            }
            listed.add(worded);
        }
        return listed.toString();
    }
}
