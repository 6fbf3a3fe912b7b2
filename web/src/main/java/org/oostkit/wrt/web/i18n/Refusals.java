package org.oostkit.wrt.web.i18n;

import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.api.common.RuleViolation;

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
        if (key == null || texts.getOr(locale, key, null) == null) {
            return refused.getMessage();
        }
        return texts.get(locale, key, refused.arguments().toArray());
    }
}
