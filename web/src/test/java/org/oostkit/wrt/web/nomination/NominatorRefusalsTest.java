package org.oostkit.wrt.web.nomination;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.web.nomination.NominatorRefusals.Field;
import org.oostkit.wrt.web.nomination.NominatorRefusals.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the command side a nominator's save can meet is worded from the nominator texts, in each of
 * the four languages, with its values filled in: never the domain's English message, never English in another
 * language (a key missing from a bundle would read the English one).
 */
class NominatorRefusalsTest {

    private static final Locale ENGLISH = Texts.locale("en");

    /** The refusals as the Nomination aggregate builds them, for each rule a nominator's save can be refused for. */
    static List<RuleViolation> asTheAggregateRefuses(Rule rule) {
        return switch (rule) {
            case NOMINATION_ID_INVALID -> List.of(new RuleViolation(rule,
                    "The nomination id does not belong to the invitation."));
            case NO_ONE_WITH_PEOPLE -> List.of(new RuleViolation(rule,
                    "Either name people or answer that you have no one to suggest, not both."));
            case SELF_NOMINATION -> List.of(new RuleViolation(rule, "You cannot nominate yourself."));
            case TOO_MANY_NOMINEES -> List.of(new RuleViolation(rule, "You can name at most "
                    + NominationCommands.MAX_NOMINEES + " people.", NominationCommands.MAX_NOMINEES));
            case NOMINEE_INVALID -> {
                List<RuleViolation> refusals = new ArrayList<>(List.of(
                        new RuleViolation(rule, "Person 2: the name is missing.", 2),
                        RuleViolation.variant(rule, "email", "Person 3 (Dave): the email address is not valid.", 3)));
                for (String raw : hostileTexts(TextRule.PERSON_NAME)) {
                    refusals.add(refusedText(rule, TextRule.PERSON_NAME, raw));
                }
                for (String raw : hostileTexts(TextRule.NOMINATION_REASON)) {
                    refusals.add(refusedText(rule, TextRule.NOMINATION_REASON, raw));
                }
                yield refusals;
            }
            default -> throw new AssertionError(rule + " is worded for nominators, but has no example here");
        };
    }

    /** Texts the rule refuses, one for each kind of verdict it can give. */
    static List<String> hostileTexts(TextRule rule) {
        List<String> texts = new ArrayList<>(List.of("Mal\uD800lory", "Mal\u0007lory", "Mal\u202Elory",
                "M".repeat(rule.maxLength() + 1), "Mal\rlory"));
        if (!rule.multiLine()) {
            texts.addAll(List.of("Mal\nlory", "Mal\tlory"));
        }
        return texts;
    }

    private static RuleViolation refusedText(Rule rule, TextRule text, String raw) {
        try {
            text.require(raw, rule);
        } catch (RuleViolation refused) {
            return refused;
        }
        throw new AssertionError("not refused: " + raw);
    }

    @ParameterizedTest(name = "every refusal a nominator can meet is worded in {0}, its values filled in")
    @ValueSource(strings = {"en", "nl", "de", "fr"})
    void everyReachableRuleIsWorded(String language) {
        Locale locale = Texts.locale(language);
        String unknown = Texts.bundled().get(locale, NominatorRefusals.UNKNOWN);
        assertThat(NominatorRefusals.WORDED).contains(Rule.SELF_NOMINATION, Rule.NOMINEE_INVALID,
                Rule.TOO_MANY_NOMINEES);
        for (Rule rule : NominatorRefusals.WORDED) {
            for (RuleViolation refused : asTheAggregateRefuses(rule)) {
                Refusal refusal = NominatorRefusals.word(refused, locale);
                String text = refusal.text(locale);
                assertThat(text).as(rule + " " + refused.key() + " in " + language).isNotBlank()
                        .isNotEqualTo(unknown)
                        .doesNotContain("{").doesNotContain("}").doesNotContain("''");
                if (!Texts.KEY.matcher(refusal.message()).matches()) {
                    // a sentence is shown as an escaped value: no characters that would be escaped twice
                    assertThat(text).doesNotContain("'").doesNotContain("\"").doesNotContain("<")
                            .doesNotContain("&").doesNotContain("=");
                }
                assertThat(Character.isUpperCase(text.charAt(0))).as(text).isTrue();
                if (!language.equals("en")) {
                    assertThat(text).as("a key of " + rule + " missing in " + language)
                            .isNotEqualTo(NominatorRefusals.word(refused, ENGLISH).text(ENGLISH));
                }
                for (Object value : refused.arguments()) {
                    if (value instanceof String code && code.startsWith("U+")) {
                        assertThat(text).contains(code);
                    }
                }
            }
        }
        assertThat(NominatorRefusals.word(asTheAggregateRefuses(Rule.TOO_MANY_NOMINEES).get(0), locale).text(locale))
                .contains(String.valueOf(NominationCommands.MAX_NOMINEES));
        String tooLong = NominatorRefusals.word(refusedText(Rule.NOMINEE_INVALID, TextRule.PERSON_NAME,
                "M".repeat(201)), locale).text(locale);
        assertThat(tooLong).contains("200").contains("201");
    }

    @ParameterizedTest(name = "the form's own checks word a name or reason in {0}, as the aggregate's refusal")
    @ValueSource(strings = {"en", "nl", "de", "fr"})
    void theFormsOwnTextChecksAreWordedTheSameWay(String language) {
        Locale locale = Texts.locale(language);
        for (TextRule rule : List.of(TextRule.PERSON_NAME, TextRule.NOMINATION_REASON)) {
            for (String raw : hostileTexts(rule)) {
                String text = NominatorRefusals.verdict(rule.verdict(raw), locale);
                assertThat(text).isEqualTo(NominatorRefusals.word(refusedText(Rule.NOMINEE_INVALID, rule, raw),
                        locale).text(locale));
                if (!language.equals("en")) {
                    assertThat(text).isNotEqualTo(NominatorRefusals.verdict(rule.verdict(raw), ENGLISH));
                }
            }
        }
    }

    @Test
    @DisplayName("a refusal about one row's field says so; the others are about the list")
    void fieldsOfRows() {
        Map<RuleViolation, Refusal> expected = Map.of(
                new RuleViolation(Rule.NOMINEE_INVALID, "Person 2: the name is missing.", 2),
                new Refusal(2, Field.NAME, "nominate.error.name"),
                RuleViolation.variant(Rule.NOMINEE_INVALID, "email", "Person 3 (Dave): not valid.", 3),
                new Refusal(3, Field.EMAIL, "nominate.error.emailFormat"),
                new RuleViolation(Rule.SELF_NOMINATION, "You cannot nominate yourself."),
                Refusal.form("nominate.error.self"),
                new RuleViolation(Rule.TOO_MANY_NOMINEES, "You can name at most 50 people.", 50),
                Refusal.form("Sie können höchstens 50 Personen nennen."));
        expected.forEach((refused, refusal) ->
                assertThat(NominatorRefusals.word(refused, Locale.GERMAN)).isEqualTo(refusal));
        assertThat(new Refusal(2, Field.NAME, "nominate.error.name").text(Locale.GERMAN))
                .isEqualTo("Geben Sie den Namen der Person ein.");
        assertThat(NominatorRefusals.word(refusedText(Rule.NOMINEE_INVALID, TextRule.NOMINATION_REASON, "a\u202Eb"),
                Locale.FRENCH)).isEqualTo(Refusal.form(
                "Le motif contient un caractère invisible de sens d’écriture (U+202E), ce qui n’est pas permis."));
    }

    @Test
    @DisplayName("a refusal without the values its sentence needs, or of a rule not worded here, is said in general")
    void unknownRefusals() {
        String general = "Votre liste n’a pas pu être enregistrée. Vérifiez-la et réessayez.";
        for (RuleViolation refused : List.of(
                RuleViolation.worded(Rule.NOMINEE_INVALID, "Person 1: the name is odd."),
                new RuleViolation(Rule.TOO_MANY_NOMINEES, "You can name at most 50 people."),
                new RuleViolation(Rule.ORGANISATION_INACTIVE, "The organisation is not active."))) {
            assertThat(NominatorRefusals.word(refused, Locale.FRENCH)).isEqualTo(Refusal.form(general));
        }
    }
}
