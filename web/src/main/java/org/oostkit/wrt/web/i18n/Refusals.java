package org.oostkit.wrt.web.i18n;

import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.api.common.RuleViolation;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * A refused command in the admin's words: the rule's sentence ({@code rule.<code>[.<variant>]} in the admin
 * bundle, with the violation's values), or the command side's own English sentence when the bundle has none
 * (a verdict on free text, or a rule added without a key).
 */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal in the language of the admin page being answered. */
    public static String text(RuleViolation refused) {
        return text(refused, AdminLanguage.locale());
    }

    /** The refusal in the given admin language. */
    public static String text(RuleViolation refused, Locale locale) {
        Texts texts = AdminLanguage.texts();
        String key = refused.key();
        String pattern = key == null ? null : texts.getOr(locale, key, null);
        // a violation built without the values its sentence names keeps the domain's complete sentence
        if (pattern == null || values(pattern) != refused.arguments().size()) {
            return refused.getMessage();
        }
        return texts.get(locale, key, refused.arguments().toArray());
    }

    /** How many values a pattern names (one without values is taken as written, its quotes as they stand). */
    static int values(String pattern) {
        return new MessageFormat(pattern.replace("'", "''")).getFormatsByArgumentIndex().length;
    }
}
