package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.web.i18n.Refusals;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A refusal of the command side as a nominator reads it, in the page's language: the {@link Rule} broken and the
 * values the violation carries pick a sentence of the nominator texts and, where one field of a row caused it,
 * that field. The domain's own message (English, for logs) is never shown to a nominator.
 */
final class NominatorRefusals {

    /**
     * The rules a save of the form can be refused for that the form words itself; the others a nominator can meet
     * have a page of their own (a closed round, an ended session, a list with nobody on it).
     */
    static final Set<Rule> WORDED = EnumSet.of(Rule.NOMINATION_ID_INVALID, Rule.NO_ONE_WITH_PEOPLE,
            Rule.NOMINEE_INVALID, Rule.SELF_NOMINATION, Rule.TOO_MANY_NOMINEES);

    /** What is said for a refusal this does not know (a new rule, a violation without its values). */
    static final String UNKNOWN = "nominate.error.refused";

    private static final Texts TEXTS = Texts.bundled();

    private NominatorRefusals() {
    }

    /** The field of a row a refusal is about. */
    enum Field { NAME, EMAIL }

    /**
     * A worded refusal: about {@code row} (the filled rows of the list, counted from 1; 0 when the violation
     * does not say which) and its {@code field} (null: the whole list), or about the form. The {@code message} is
     * what the form's messages are: a key of the nominator texts (the form's own sentence for a field, shown as
     * the bundle has it) or a sentence already in the page's language (shown as an escaped value).
     */
    record Refusal(int row, Field field, String message) {

        static Refusal form(String message) {
            return new Refusal(0, null, message);
        }

        /** The sentence the nominator reads. */
        String text(Locale locale) {
            return Texts.KEY.matcher(message).matches() ? TEXTS.get(locale, message) : message;
        }
    }

    /** The refusal in the given nominator language. */
    static Refusal word(RuleViolation refused, Locale locale) {
        List<Object> values = refused.arguments();
        return switch (refused.violated()) {
            case NOMINEE_INVALID -> nominee(refused, locale);
            // the violation names no row (the form's own check, which comes first, marks the row's address)
            case SELF_NOMINATION -> Refusal.form("nominate.error.self");
            case TOO_MANY_NOMINEES -> values.size() == 1 && values.get(0) instanceof Number most
                    ? Refusal.form(TEXTS.get(locale, "rule.too-many-nominees", most))
                    : unknown(locale);
            case NOMINATION_ID_INVALID, NO_ONE_WITH_PEOPLE -> Refusal.form(TEXTS.get(locale, "rule." + refused.rule()));
            default -> unknown(locale);
        };
    }

    /** Why a typed name or reason cannot be accepted ({@link TextRule}), as a sentence in the given language. */
    static String verdict(TextRule.Verdict verdict, Locale locale) {
        String worded = verdict(verdict.key(), verdict.arguments(), locale);
        return worded != null ? worded : TEXTS.get(locale, UNKNOWN);
    }

    private static Refusal nominee(RuleViolation refused, Locale locale) {
        String key = refused.key();
        List<Object> values = refused.arguments();
        if (key != null && key.startsWith("text.")) {
            // the verdict says what is wrong with a name or reason, not which row's: above the list
            String worded = verdict(key, values, locale);
            return worded == null ? unknown(locale) : Refusal.form(worded);
        }
        int row = values.size() == 1 && values.get(0) instanceof Integer position && position > 0 ? position : 0;
        if (row == 0) {
            return unknown(locale);
        }
        if (("rule." + Rule.NOMINEE_INVALID.code() + ".email").equals(key)) {
            return new Refusal(row, Field.EMAIL, "nominate.error.emailFormat");
        }
        if (("rule." + Rule.NOMINEE_INVALID.code()).equals(key)) {
            return new Refusal(row, Field.NAME, "nominate.error.name");
        }
        return unknown(locale);
    }

    /** A verdict's sentence ({@code text.<kind>}, its label {@code text.label.<label>}), or null when not known. */
    private static String verdict(String key, List<Object> values, Locale locale) {
        String pattern = TEXTS.getOr(locale, key, null);
        if (pattern == null || values.isEmpty() || Refusals.values(pattern) != values.size()) {
            return null;
        }
        String label = TEXTS.getOr(locale, Refusals.labelKey(String.valueOf(values.get(0))), null);
        if (label == null) {
            return null;
        }
        Object[] shown = values.toArray();
        shown[0] = label;
        String sentence = TEXTS.get(locale, key, shown);
        return sentence.substring(0, 1).toUpperCase(locale) + sentence.substring(1);
    }

    private static Refusal unknown(Locale locale) {
        return Refusal.form(TEXTS.get(locale, UNKNOWN));
    }
}
