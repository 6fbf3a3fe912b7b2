package org.oostkit.wrt.web.i18n;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;
import org.oostkit.wrt.domain.audit.AuditSummarySamples;
import org.oostkit.wrt.domain.audit.AuditSummarySamples.Sample;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's "what happened" in the admin's language (issue #17): every key the domain's summaries use,
 * run over a sample event of every type in every variant, is in both admin bundles with the same values; the
 * English pattern says exactly the domain's sentence; anything that does not fit keeps the domain's sentence.
 */
class AuditTextsTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static AuditEntry entry(String summary, String key, List<Object> values) {
        return new AuditEntry(7, Instant.parse("2026-11-20T09:30:00Z"), "admin:a@x.test", "SeedPersonAdded", summary,
                "aggregate", 1, key, values);
    }

    private static AuditEntry entry(Sample sample) {
        return entry(sample.english(), sample.key(), sample.values());
    }

    @Test
    @DisplayName("the bundles have exactly the keys the summaries use, in English and Dutch with the same values")
    void everyKeyInBothBundles() throws IOException {
        Properties english = AdminTextsTest.bundle("");
        Properties dutch = AdminTextsTest.bundle("_nl");
        List<Sample> samples = AuditSummarySamples.all();
        Set<String> used = samples.stream().map(Sample::key).collect(Collectors.toCollection(TreeSet::new));
        used.add(AuditTexts.REASON);
        Set<String> bundled = english.stringPropertyNames().stream()
                .filter(key -> key.matches("audit\\.[A-Z].*") || key.startsWith("audit.nominee."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(bundled).isEqualTo(used);
        for (Sample sample : samples) {
            assertThat(Refusals.values(english.getProperty(sample.key()))).as(sample.key())
                    .isEqualTo(sample.values().size());
            assertThat(Refusals.values(dutch.getProperty(sample.key()))).as(sample.key())
                    .isEqualTo(sample.values().size());
        }
        assertThat(Refusals.values(dutch.getProperty(AuditTexts.REASON))).isEqualTo(2)
                .isEqualTo(Refusals.values(english.getProperty(AuditTexts.REASON)));
    }

    @Test
    @DisplayName("every sample reads in English exactly as the domain says it, and in Dutch in other words")
    void everySampleWorded() {
        List<Sample> samples = AuditSummarySamples.all();
        assertThat(samples).hasSizeGreaterThan(80);
        for (Sample sample : samples) {
            assertThat(AuditTexts.summary(entry(sample), Locale.ENGLISH)).as(sample.key()).isEqualTo(sample.english());
            String dutch = AuditTexts.summary(entry(sample), DUTCH);
            assertThat(dutch).as(sample.key()).isNotEqualTo(sample.english()).doesNotContain("choice");
            String typed = dutch;
            for (Object value : sample.values()) {
                if (value instanceof String text) {
                    assertThat(dutch).as(sample.key()).contains(text);
                    typed = typed.replace(text, "");
                }
            }
            // the people's reasons and notes may hold braces; the pattern's own never show
            assertThat(typed.replaceAll("“[^”]*”", "")).as(sample.key()).doesNotContain("{", "}");
        }
    }

    @Test
    @DisplayName("a nominee list reads in Dutch person by person, with the reason and how many more")
    void nomineesInDutch() {
        List<Object> listed = List.of(List.of("Erin Walsh <erin@acme.test>", "runs the night shift"),
                List.of("Frank Ode <frank@acme.test>"));
        assertThat(AuditTexts.summary(entry("English", "audit.NominationSubmitted", List.of(2, 2, listed)), DUTCH))
                .isEqualTo("Ronde 2: 2 personen voorgedragen: Erin Walsh <erin@acme.test> (reden: “runs the night "
                        + "shift”), Frank Ode <frank@acme.test>");
        assertThat(AuditTexts.summary(entry("English", "audit.NominationRevised.more",
                List.of(1, 12, List.of(List.of("[erased] <[erased]>")), 2)), DUTCH))
                .isEqualTo("Ronde 1: lijst herzien naar 12 personen: [erased] <[erased]> en nog 2");
        assertThat(AuditTexts.summary(entry("English", "audit.RoundStarted.noReminder",
                List.of(1, 1, "2026-12-04T17:00:00Z")), DUTCH))
                .isEqualTo("Ronde 1 gestart met 1 uitnodiging, sluitingsdatum 2026-12-04T17:00:00Z, geen herinnering");
    }

    @Test
    @DisplayName("no key, an unknown key, values that do not fit: the domain's English sentence stands")
    void fallsBackToEnglish() {
        assertThat(AuditTexts.summary(entry("Unreadable event (X)", null, List.of()), DUTCH))
                .isEqualTo("Unreadable event (X)");
        assertThat(AuditTexts.summary(entry("As the domain says", "audit.NoSuchEvent", List.of()), DUTCH))
                .isEqualTo("As the domain says");
        assertThat(AuditTexts.summary(entry("Seed person added: Ann <a@x.test>", "audit.SeedPersonAdded",
                List.of()), DUTCH)).as("a value missing").isEqualTo("Seed person added: Ann <a@x.test>");
        assertThat(AuditTexts.summary(entry("Workshop shortlist closed as final with 3 people",
                "audit.ShortlistClosed", List.of("three")), DUTCH)).as("text for a number")
                .isEqualTo("Workshop shortlist closed as final with 3 people");
        assertThat(AuditTexts.summary(entry("Round 2: nominated 1 person: A <a@x.test>", "audit.NominationSubmitted",
                List.of(2, 1, List.of("A <a@x.test>"))), DUTCH)).as("a nominee not as a list")
                .isEqualTo("Round 2: nominated 1 person: A <a@x.test>");
        assertThat(AuditTexts.summary(new AuditEntry(1, Instant.EPOCH, "deadline", "RoundClosed", "Round 1 closed",
                "aggregate", 1), DUTCH)).as("an entry said only in English").isEqualTo("Round 1 closed");
    }
}
