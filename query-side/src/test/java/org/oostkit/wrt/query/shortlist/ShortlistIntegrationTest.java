package org.oostkit.wrt.query.shortlist;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.CloseShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.RecordSelectionMail;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveFromShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.ShortlistPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.TellTheChosen;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlistAsOf;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.api.ShortlistView.SelectionMail.State;
import org.oostkit.wrt.query.processing.ReadModels;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shortlist read model on PostgreSQL: live, as of an instant, and after an erasure. */
class ShortlistIntegrationTest extends ReadSideTestSupport {

    private PersonId person(ScriptedCampaign script, String email) {
        return ask(new FindRoster(script.organisation, script.campaign), RosterView.class).people().stream()
                .filter(p -> p.email().equals(email)).map(PersonView::personId).findFirst().orElseThrow();
    }

    private ShortlistView awaitShortlist(ScriptedCampaign script, int people, boolean closed) {
        FindShortlist query = new FindShortlist(script.organisation, script.campaign);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ShortlistView view = ask(query, ShortlistView.class);
            return view.entries().size() == people && view.closed() == closed;
        });
        return ask(query, ShortlistView.class);
    }

    /**
     * The moment the store recorded the latest choice. Not {@code Instant.now()}: the store keeps event times to
     * the millisecond, truncated, so a command sent within the same millisecond after reading the clock is
     * recorded at or before that reading (a third of the time, measured) and counts as of it.
     */
    private static Instant lastChosen(ShortlistView view) {
        return view.entries().stream().map(ShortlistView.Entry::chosenAt).max(Instant::compareTo).orElseThrow();
    }

    @Test
    @DisplayName("choices show who chose whom when, with the note; the as-of view shows the list as it stood")
    void choicesAndAsOf() {
        ScriptedCampaign script = scriptedCampaign("admin@shortlist.test");
        Actor eve = Actor.admin("eve@shortlist.test");
        PersonId erin = person(script, "erin@acme.test");
        PersonId gina = person(script, "gina@acme.test");

        wrt().send(new ShortlistPerson(script.campaign, script.organisation, erin, "Named by three circles"), eve);
        wrt().send(new ShortlistPerson(script.campaign, script.organisation, gina, ""), script.admin);
        ShortlistView two = awaitShortlist(script, 2, false);
        Instant bothChosen = lastChosen(two);
        assertThat(two.entries()).extracting(ShortlistView.Entry::name).containsExactly("Erin", "Gina");
        assertThat(two.entries().get(0).chosenBy()).isEqualTo("admin:eve@shortlist.test");
        assertThat(two.entries().get(0).note()).isEqualTo("Named by three circles");
        assertThat(two.entries().get(0).email()).isEqualTo("erin@acme.test");

        wrt().send(new RemoveFromShortlist(script.campaign, script.organisation, gina), script.admin);
        wrt().send(new CloseShortlist(script.campaign, script.organisation), script.admin);
        ShortlistView closed = awaitShortlist(script, 1, true);
        assertThat(closed.entries()).extracting(ShortlistView.Entry::name).containsExactly("Erin");
        assertThat(closed.closedBy()).isEqualTo(script.admin.value());

        ShortlistView then = ask(new FindShortlistAsOf(script.organisation, script.campaign, bothChosen),
                ShortlistView.class);
        assertThat(then.entries()).extracting(ShortlistView.Entry::name).containsExactly("Erin", "Gina");
        assertThat(then.closed()).isFalse();
        assertThat(ask(new FindShortlistAsOf(script.organisation, script.campaign, Instant.now()),
                ShortlistView.class)).isEqualTo(closed);
    }

    @Test
    @DisplayName("an erased person stays on the list, counted, with name, address and note erased")
    void erasure() {
        ScriptedCampaign script = scriptedCampaign("admin@shortlist-erasure.test");
        PersonId erin = person(script, "erin@acme.test");
        wrt().send(new ShortlistPerson(script.campaign, script.organisation, erin, "Knows the site"), script.admin);
        awaitShortlist(script, 1, false);

        wrt().send(new ErasePerson(script.campaign, script.organisation, "erin@acme.test"), script.admin);
        FindShortlist query = new FindShortlist(script.organisation, script.campaign);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ask(query, ShortlistView.class).entries().get(0).note().equals("[erased]"));
        ShortlistView view = ask(query, ShortlistView.class);
        assertThat(view.entries()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("[erased]");
            assertThat(e.email()).isEqualTo("[erased]");
            assertThat(e.personId()).isEqualTo(erin);
        });
        // the history read again decrypts the note as erased too
        assertThat(ask(new FindShortlistAsOf(script.organisation, script.campaign, Instant.now()),
                ShortlistView.class).entries().get(0).note()).isEqualTo("[erased]");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.oostkit.wrt.query.export.ShortlistExport export;

    @Test
    @DisplayName("the CSV and PDF hold exactly the chosen people, with why they were named, group and note")
    void export() throws Exception {
        ScriptedCampaign script = scriptedCampaign("admin@shortlist-export.test");
        PersonId erin = person(script, "erin@acme.test");
        PersonId gina = person(script, "gina@acme.test");
        PersonId frank = person(script, "frank@acme.test");
        wrt().send(new ShortlistPerson(script.campaign, script.organisation, erin, "=Bridges two circles"),
                script.admin);
        wrt().send(new ShortlistPerson(script.campaign, script.organisation, frank, ""), script.admin);
        wrt().send(new ShortlistPerson(script.campaign, script.organisation, gina, "Site lead"), script.admin);
        wrt().send(new RemoveFromShortlist(script.campaign, script.organisation, frank), script.admin);
        awaitShortlist(script, 2, false);

        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        export.csv(script.organisation, script.campaign, null, csv);
        java.util.List<String[]> rows = new com.opencsv.CSVReader(new java.io.StringReader(
                csv.toString(java.nio.charset.StandardCharsets.UTF_8))).readAll();
        assertThat(rows.get(0)).containsExactly("Name", "Email", "Named by", "Why they were named", "Group",
                "Selection note", "Chosen at", "Chosen by", "Told");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)[0]).isEqualTo("Erin");
        assertThat(rows.get(1)[2]).isEqualTo("3");
        assertThat(rows.get(1)[3].split("\n")).containsExactlyInAnyOrder("Alice: because Erin knows the site",
                "Bob: because Erin knows the site", "Carol: because Erin knows the site");
        assertThat(rows.get(1)[4]).isNotEmpty();
        // a note starting like a formula is neutralised
        assertThat(rows.get(1)[5]).isEqualTo("'=Bridges two circles");
        assertThat(rows.get(1)[7]).isEqualTo("admin@shortlist-export.test");
        assertThat(rows.get(2)[0]).isEqualTo("Gina");
        assertThat(rows.get(2)[5]).isEqualTo("Site lead");
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Frank,");

        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        export.pdf(script.organisation, script.campaign, pdf);
        try (com.itextpdf.kernel.pdf.PdfDocument document = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(pdf.toByteArray())))) {
            String text = com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getPage(1));
            assertThat(text).contains("Workshop shortlist", "Erin", "erin@acme.test", "Gina", "Site lead",
                    "Alice: because Erin knows the site", "2 people", "not closed yet").doesNotContain("Frank");
        }
    }

    private java.util.List<String[]> csv(ScriptedCampaign script) throws Exception {
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        export.csv(script.organisation, script.campaign, null, csv);
        return new com.opencsv.CSVReader(new java.io.StringReader(
                csv.toString(java.nio.charset.StandardCharsets.UTF_8))).readAll();
    }

    private String pdf(ScriptedCampaign script) throws Exception {
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        export.pdf(script.organisation, script.campaign, pdf);
        try (com.itextpdf.kernel.pdf.PdfDocument document = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(pdf.toByteArray())))) {
            return com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getPage(1));
        }
    }

    @Test
    @DisplayName("told or not comes from the campaign's events: live, in the exports, as of an instant, after erasure")
    void told() throws Exception {
        ScriptedCampaign script = scriptedCampaign("admin@shortlist-told.test");
        PersonId erin = person(script, "erin@acme.test");
        PersonId gina = person(script, "gina@acme.test");
        PersonId frank = person(script, "frank@acme.test");
        for (PersonId chosen : java.util.List.of(erin, gina, frank)) {
            wrt().send(new ShortlistPerson(script.campaign, script.organisation, chosen, ""), script.admin);
        }
        Instant beforeTelling = lastChosen(awaitShortlist(script, 3, false));
        wrt().send(new TellTheChosen(script.campaign, script.organisation, "See you"), script.admin);
        // what the outbox sender records: Erin's mail went out, Gina's was refused, Frank's is still on its way
        wrt().send(new RecordSelectionMail(script.campaign, script.organisation, erin, "<m1@wrt>", null, false),
                Actor.OPERATOR);
        wrt().send(new RecordSelectionMail(script.campaign, script.organisation, gina, null,
                "not sent: mail to this address bounced before", false), Actor.OPERATOR);
        FindShortlist query = new FindShortlist(script.organisation, script.campaign);
        await().atMost(Duration.ofSeconds(30)).until(() -> ask(query, ShortlistView.class).mails().stream()
                .filter(m -> m.state() != State.SENDING).count() == 2);
        ShortlistView live = ask(query, ShortlistView.class);
        assertThat(live.mail(erin).orElseThrow().state()).isEqualTo(State.TOLD);
        assertThat(live.mail(erin).orElseThrow().at()).isAfter(beforeTelling);
        assertThat(live.mail(gina).orElseThrow().state()).isEqualTo(State.NOT_SENT);
        assertThat(live.mail(frank).orElseThrow().state()).isEqualTo(State.SENDING);
        assertThat(live.asked()).containsExactlyInAnyOrder(erin, gina, frank);

        java.util.List<String[]> rows = csv(script);
        assertThat(rows.get(0)).endsWith("Told");
        java.util.Map<String, String> told = new java.util.HashMap<>();
        rows.stream().skip(1).forEach(r -> told.put(r[0], r[8]));
        assertThat(told.get("Erin")).matches("told on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(told.get("Gina")).isEqualTo("not told: mail to this address bounced before");
        assertThat(told.get("Frank")).isEqualTo("selection mail being sent");
        assertThat(pdf(script)).contains("Told", "told on", "not told: mail to this", "selection mail being");

        // as of before the telling, nobody had been told; as of now, the same as live
        assertThat(ask(new FindShortlistAsOf(script.organisation, script.campaign, beforeTelling),
                ShortlistView.class).mails()).isEmpty();
        assertThat(ask(new FindShortlistAsOf(script.organisation, script.campaign, Instant.now()),
                ShortlistView.class)).isEqualTo(live);

        // erased, Erin stays chosen and told; only who she is goes
        wrt().send(new ErasePerson(script.campaign, script.organisation, "erin@acme.test"), script.admin);
        await().atMost(Duration.ofSeconds(30)).until(() -> ask(query, ShortlistView.class).entries().stream()
                .anyMatch(e -> e.personId().equals(erin) && e.name().equals("[erased]")
                        && e.note().equals("[erased]")));
        ShortlistView erased = ask(query, ShortlistView.class);
        assertThat(erased.entries()).hasSize(3);
        assertThat(erased.mail(erin)).isEqualTo(live.mail(erin));
        java.util.List<String[]> afterErasure = csv(script);
        assertThat(afterErasure).hasSize(4);
        assertThat(afterErasure.stream().filter(r -> r[0].equals("[erased]")).findFirst().orElseThrow())
                .satisfies(r -> {
                    assertThat(r[1]).isEqualTo("[erased]");
                    assertThat(r[8]).startsWith("told on ");
                });
        assertThat(String.join("\n", afterErasure.stream().map(r -> String.join(",", r)).toList()))
                .doesNotContain("erin@acme.test");
        assertThat(pdf(script)).contains("[erased]", "3 people").doesNotContain("erin@acme.test");
        assertThat(ask(new FindShortlistAsOf(script.organisation, script.campaign, Instant.now()),
                ShortlistView.class)).isEqualTo(erased);

        // rebuilt from the history (a reset of the shortlist's processor), the same rules give the same rows
        org.axonframework.eventhandling.StreamingEventProcessor processor = processing.eventProcessor(
                ReadModels.SHORTLIST, org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + org.oostkit.wrt.query.tenant.TenantSchemas
                    .schemaOf(script.organisation) + ".shortlist_mail", Integer.class)).isZero();
        } finally {
            processor.start();
        }
        projections().awaitCaughtUp(processor);
        assertThat(ask(query, ShortlistView.class)).isEqualTo(erased);
    }
}
