package org.oostkit.wrt.api.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRuleTest {

    @Test
    void normalisesToNfcAndStrips() {
        // "é" as e + combining acute (NFD) becomes the single precomposed character
        assertThat(TextRule.PERSON_NAME.clean("  Ame\u0301lie ")).isEqualTo("Am\u00e9lie");
        assertThat(TextRule.PERSON_NAME.require("Ame\u0301lie", Rule.NAME_INVALID)).hasSize(6);
        assertThat(TextRule.PERSON_NAME.clean(null)).isEmpty();
    }

    @Test
    void lengthIsCountedAfterNormalising() {
        String decomposed = "e\u0301".repeat(200); // 400 units, 200 once composed
        assertThat(TextRule.PERSON_NAME.problem(decomposed)).isNull();
        assertThat(TextRule.PERSON_NAME.problem("x".repeat(201)))
                .isEqualTo("the name is longer than 200 characters (it has 201)");
    }

    @Test
    void namesRefuseControlCharactersLineBreaksAndTabs() {
        assertThat(TextRule.PERSON_NAME.problem("Mal\u0000lory"))
                .isEqualTo("the name contains an invisible control character (U+0000), which is not allowed");
        assertThat(TextRule.PERSON_NAME.problem("Mal\r\nlory")).contains("a line break (U+000D)");
        assertThat(TextRule.PERSON_NAME.problem("Mal\nlory")).contains("a line break (U+000A)");
        assertThat(TextRule.PERSON_NAME.problem("Mal\tlory")).contains("a tab (U+0009)");
        assertThat(TextRule.PERSON_NAME.problem("Mal\u0085lory")).contains("control character (U+0085)");
        assertThat(TextRule.PERSON_NAME.problem("Mal\u007flory")).contains("control character (U+007F)");
        assertThat(TextRule.PERSON_NAME.problem("Mal\u2028lory")).contains("a line break (U+2028)");
    }

    @Test
    void whiteSpaceAtTheEndsIsStrippedNotRefused() {
        assertThat(TextRule.PERSON_NAME.problem("\tAlice Adams\r\n")).isNull();
        assertThat(TextRule.PERSON_NAME.clean("\tAlice Adams\r\n")).isEqualTo("Alice Adams");
        assertThat(TextRule.PERSON_NAME.problem("Alice\u0000")).contains("(U+0000)");
    }

    @Test
    void refusesBidiOverridesEmbeddingsAndIsolates() {
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
                '\u2069'}) {
            assertThat(TextRule.PERSON_NAME.problem("Mal" + c + "lory")).contains("text-direction character");
            assertThat(TextRule.NOMINATION_REASON.problem("Mal" + c + "lory")).contains("text-direction character");
        }
        // right-to-left script itself is fine, and so is the zero-width joiner of some scripts
        assertThat(TextRule.PERSON_NAME.problem("\u05d3\u05d5\u05d3 Cohen")).isNull();
        assertThat(TextRule.PERSON_NAME.problem("\u0915\u094d\u200d\u0937")).isNull();
    }

    @Test
    void multiLineTextsKeepLineBreaksAndTabsButNoOtherControls() {
        assertThat(TextRule.NOMINATION_REASON.problem("line one\n\tline two")).isNull();
        assertThat(TextRule.CAMPAIGN_DESCRIPTION.clean("one\r\ntwo\r\n")).isEqualTo("one\ntwo");
        assertThat(TextRule.CAMPAIGN_DESCRIPTION.problem("one\r\ntwo")).isNull();
        assertThat(TextRule.INVITATION_TEXT.problem("one\rtwo")).contains("a line break (U+000D)");
        assertThat(TextRule.NOMINATION_REASON.problem("a\u0000b")).contains("control character (U+0000)");
        assertThat(TextRule.INVITATION_TEXT.problem("a\u001bb")).contains("control character (U+001B)");
    }

    @Test
    void pairedSurrogatesAreFineUnpairedOnesAreNot() {
        assertThat(TextRule.PERSON_NAME.problem("Ann \uD83D\uDE00")).isNull();
        assertThat(TextRule.PERSON_NAME.problem("Ann \uD83D")).contains("a broken character (U+D83D)");
        assertThat(TextRule.PERSON_NAME.problem("Ann \uDE00x")).contains("a broken character (U+DE00)");
        assertThat(TextRule.NOMINATION_REASON.problem("\uDE00\uD83D")).contains("(U+DE00)");
    }

    @Test
    void requireThrowsTheRuleWithASentence() {
        assertThatThrownBy(() -> TextRule.ORGANISATION_NAME.require("Acme\u202E", Rule.NAME_INVALID))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("The name contains an invisible text-direction character (U+202E), which is not allowed.")
                .extracting(e -> ((RuleViolation) e).violated()).isEqualTo(Rule.NAME_INVALID);
    }

    @Test
    void visibleShowsWhatWasWrong() {
        assertThat(TextRule.visible("a\u0000b\r\nc d\u202E\uD83D\uDE00")).isEqualTo("a<U+0000>b<U+000D><U+000A>c d<U+202E>\uD83D\uDE00");
    }
}
