package org.oostkit.wrt.web.i18n;

import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A refused command in the admin's words: the rule's sentence ({@code rule.<code>[.<variant>]} in the admin
 * bundle, with the violation's values), a {@link TextRule} verdict ({@code text.<kind>}, its label as
 * {@code text.label.<label>}), or the command side's own English sentence when the bundle has none.
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
        String worded = worded(refused.key(), refused.arguments(), locale);
        return worded == null ? refused.getMessage() : worded;
    }

    /** Why a typed text cannot be accepted, as a sentence in the admin's language, or {@code null} when it is fine. */
    public static String problem(TextRule rule, String raw) {
        TextRule.Verdict verdict = rule.verdict(raw);
        if (verdict == null) {
            return null;
        }
        String worded = worded(verdict.key(), verdict.arguments(), AdminLanguage.locale());
        return worded == null ? TextRule.sentence(verdict.english()) : worded;
    }

    private static String worded(String key, List<Object> arguments, Locale locale) {
        Texts texts = AdminLanguage.texts();
        String pattern = key == null ? null : texts.getOr(locale, key, null);
        // a violation built without the values its sentence names keeps the domain's complete sentence
        if (pattern == null || values(pattern) != arguments.size()) {
            return null;
        }
        List<Object> shown = new ArrayList<>(arguments);
        if (key.startsWith("text.")) {
            // the first value is the text's English label ("the contact person's name"): named in the bundle
            String label = texts.getOr(locale, labelKey(String.valueOf(shown.get(0))), null);
            if (label == null) {
                return null;
            }
            shown.set(0, label);
            String sentence = texts.get(locale, key, shown.toArray());
            return sentence.substring(0, 1).toUpperCase(locale) + sentence.substring(1);
        }
        return texts.get(locale, key, shown.toArray());
    }

    /** {@code text.label.contactPersonName} for "the contact person's name". */
    public static String labelKey(String label) {
        String[] words = label.replaceFirst("^the ", "").replace("'s", "").split("[^A-Za-z]+");
        StringBuilder key = new StringBuilder("text.label.");
        for (int i = 0; i < words.length; i++) {
            key.append(i == 0 ? words[i] : words[i].substring(0, 1).toUpperCase(Locale.ROOT) + words[i].substring(1));
        }
        return key.toString();
    }

    /** How many values a pattern names (one without values is taken as written, its quotes as they stand). */
    public static int values(String pattern) {
        return new MessageFormat(pattern.replace("'", "''")).getFormatsByArgumentIndex().length;
    }
}
