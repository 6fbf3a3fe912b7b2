package org.oostkit.wrt.web.nomination;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.oostkit.wrt.adapters.mail.MailNotSentException;
import org.oostkit.wrt.adapters.mail.NominationCopies;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitation;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.oostkit.wrt.web.security.RateLimitConfiguration;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A German or French campaign's nominator reads the command side's refusals and the rate-limit page in the
 * campaign's language, with nothing in English; without a campaign the rate-limit page speaks the browser's
 * language (of the four), else English. The web layer alone, as in {@link NominationControllerTest}, with the
 * rate limits in front and the campaign's language from its (faked) mail settings.
 */
@WebMvcTest(controllers = {NominatorLinkController.class, NominatorVerificationController.class,
        NominationFormController.class, NominationCopyController.class}, properties = {"wrt.rate-limits.code-request=1",
        "wrt.rate-limits.code-verify=1", "wrt.rate-limits.submit=3", "wrt.rate-limits.general=10"})
@Import({SecurityConfiguration.class, RateLimitConfiguration.class, WrtMetrics.class, Nominators.class,
        CodeMails.class, NominationControllerTest.Fakes.class})
class NominatorLanguagePagesTest {

    static final String SLUG = "acme";
    static final OrganisationId ORG = OrganisationId.random();
    static final String TOKEN = "Zk9hX1VjZ2xpbmstdG9rZW4tZm9yLXRoZS10ZXN0czAx";
    static final String ALICE = "alice@acme.test";
    /** Each test its own client address: the rate limits count per address for the whole context. */
    static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Secrets secrets;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    CampaignSenders campaigns;
    @MockitoBean
    NominationCopies copies;

    final InvitationView invitation = new InvitationView(InvitationId.random(), CampaignId.random(),
            "Zukunft des Werks", "", "", RoundId.random(), 1, "OPEN", Instant.parse("2026-12-01T17:00:00Z"),
            PersonId.random(), "Alice", ALICE, null, null, null);
    RuleViolation refusal;
    String client;

    @BeforeEach
    void readModelsAndCommandSide() {
        client = "10.9.0." + CLIENTS.incrementAndGet();
        refusal = null;
        when(campaigns.of(any())).thenReturn(CampaignSender.NONE);
        doAnswer(call -> CompletableFuture.completedFuture(answer(call.getArgument(0))))
                .when(queries).query(any(), any(Class.class));
        doAnswer(call -> CompletableFuture.completedFuture(answer(call.getArgument(0))))
                .when(queries).query(any(), any(ResponseType.class));
        doAnswer(call -> {
            CommandMessage<?> message = SentCommands.message(call.getArgument(0), call.getArgument(1));
            if (message.getPayload() instanceof SubmitNominations && refusal != null) {
                throw refusal;
            }
            return message.getPayload() instanceof RequestVerificationCode
                    ? new IssuedCode("123456", Instant.now().plus(Duration.ofMinutes(10))) : null;
        }).when(commands).sendAndWait(any(), any());
    }

    private Object answer(Object query) {
        if (query instanceof FindOrganisationBySlug q) {
            return q.slug().equals(SLUG) ? new OrganisationView(ORG, SLUG, "Acme", OrganisationStatus.ACTIVE,
                    List.of("admin@acme.test"), List.of(), Instant.now(), java.time.ZoneOffset.UTC) : null;
        }
        if (query instanceof FindInvitationByTokenHash q) {
            return q.tokenHash().equals(secrets.invitationTokenHash(TOKEN)) ? invitation : null;
        }
        if (query instanceof FindInvitation q) {
            return q.invitationId().equals(invitation.invitationId()) ? invitation : null;
        }
        if (query instanceof FindTimeZone) {
            return new TimeZoneView(ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/Berlin"), null);
        }
        if (query instanceof FindNominationsOf) {
            return List.of();
        }
        throw new IllegalArgumentException("unexpected query " + query);
    }

    private void campaignIn(String language) {
        when(campaigns.language(invitation.campaignId().value())).thenReturn(language);
    }

    @Test
    void aGermanCampaignsNominatorReadsTheAggregatesRefusalInGerman() throws Exception {
        campaignIn("de");
        // the aggregate knows Alice by her person, whatever address she typed: it refuses what the form let through
        refusal = new RuleViolation(Rule.SELF_NOMINATION, "You cannot nominate yourself.");
        String page = submit(verifiedSession(), "Alice Privat", "alice.privat@example.org", "")
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"de\">")
                .contains("<title>Fehler: Ihre Vorschläge — Zukunft des Werks")
                .contains("<p>Sich selbst können Sie nicht vorschlagen.</p>")
                .contains("value=\"alice.privat@example.org\"");
        assertNoEnglish(page, "de");

        // a refusal about a row's field is shown next to that field, in the summary with its person
        refusal = RuleViolation.variant(Rule.NOMINEE_INVALID, "email",
                "Person 2 (Bob): the email address is not valid.", 2);
        page = submit(verifiedSession(), List.of("Erin", "Bob"), List.of("erin@example.org", "bob@example.org"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<p class=\"field-error\" id=\"row1-email-error\">"
                        + "Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.</p>")
                .contains("<a href=\"#row1-email\">Person 2: Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.</a>")
                .doesNotContain("row0-email-error");
        assertNoEnglish(page, "de");

        refusal = new RuleViolation(Rule.TOO_MANY_NOMINEES, "You can name at most 50 people.", 50);
        page = submit(verifiedSession(), "Erin", "erin@example.org", "")
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<p>Sie können höchstens 50 Personen nennen.</p>");
        assertNoEnglish(page, "de");
    }

    @Test
    void aFrenchCampaignsNominatorReadsTheTextRulesInFrenchAndHostileInputStaysEscaped() throws Exception {
        campaignIn("fr");
        String hostile = "<script>alert(1)</script>\u202E{{x}}";
        String page = submit(verifiedSession(), hostile, "eve@example.org", "Parce que\u0007")
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"fr\">")
                .contains("id=\"row0-name-error\">Le nom contient un caractère invisible de sens d’écriture (U+202E), "
                        + "ce qui n’est pas permis.</p>")
                .contains("id=\"row0-reason-error\">Le motif contient un caractère de contrôle invisible (U+0007), "
                        + "ce qui n’est pas permis.</p>")
                .contains("Personne 1 : Le nom contient")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\u202E{{x}}\"")
                .doesNotContain("<script>alert");
        assertNoEnglish(page, "fr");

        // the same verdict from the aggregate (had the form let it through) reads the same, above the list
        refusal = RuleViolation.keyed(Rule.NOMINEE_INVALID, "text.tooLong",
                "Person 1: the name is longer than 200 characters (it has 201).", "the name", 200, 201);
        page = submit(verifiedSession(), "<b>Eve</b>", "eve@example.org", "")
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<p>Le nom dépasse 200 caractères (il en compte 201).</p>")
                .contains("value=\"&lt;b&gt;Eve&lt;/b&gt;\"").doesNotContain("<b>Eve");
        assertNoEnglish(page, "fr");
    }

    @Test
    void aGermanCampaignsRateLimitPageIsInGerman() throws Exception {
        campaignIn("de");
        MockHttpSession session = verifiedSession();
        // the form was shown in the campaign's language: the session remembers it for the filter in front
        mvc.perform(get("/org/acme/nominate/form").session(session).with(from(client))).andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            submit(session, "", "", "").andExpect(status().isOk());
        }
        String page = submit(session, "Erin", "erin@example.org", "Kennt die Nachtschicht")
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"de\">")
                .contains("<title>Ihre Liste ist noch nicht gespeichert · Workshop Referral Tool</title>")
                .contains("<h1>Ihre Liste ist noch nicht gespeichert</h1>")
                .contains("Gerade antworten viele Menschen aus Ihrem Netzwerk")
                .containsPattern("Bitte versuchen Sie es in (einer Sekunde|[0-9]+ Sekunden|einer Minute) noch einmal\\.")
                .contains("<button type=\"submit\">Meine Vorschläge speichern</button>")
                .contains(">Zurück zu Ihrer Liste (was Sie hier eingegeben haben, ist noch nicht gespeichert)</a>")
                .contains("value=\"Kennt die Nachtschicht\"");
        assertNoEnglish(page, "de");
    }

    @Test
    void anyNominatorPageRefusedByTheGeneralLimitIsInTheCampaignsLanguageAndAsksForItAgain() throws Exception {
        campaignIn("de");
        MockHttpSession session = verifiedSession();
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/org/acme/nominate/form").param("edit", "1").session(session).with(from(client)))
                    .andExpect(status().isOk());
        }
        String page = mvc.perform(get("/org/acme/nominate/form").param("edit", "1").session(session)
                        .with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"de\">").contains("<h1>Einen Moment, bitte</h1>")
                .contains("<form class=\"stack\" method=\"get\" action=\"/org/acme/nominate/form\" novalidate>")
                .contains("<input type=\"hidden\" name=\"edit\" value=\"1\">")
                .contains("<button type=\"submit\">Erneut versuchen</button>")
                .doesNotContain("<label");
        assertNoEnglish(page, "de");
    }

    @Test
    void aFrenchCampaignsLinkLeadsToAFrenchRateLimitPageForTheCodeRequest() throws Exception {
        campaignIn("fr");
        MockHttpSession session = (MockHttpSession) mvc.perform(get("/org/acme/nominate/" + TOKEN).with(from(client)))
                .andExpect(status().isOk())
                .andReturn().getRequest().getSession(false);
        assertThat(session).as("the landing's form has a session").isNotNull();
        mvc.perform(post("/org/acme/nominate/request-link").with(csrf()).with(from(client)).session(session)
                        .param("token", TOKEN).param("email", ALICE))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(post("/org/acme/nominate/request-link").with(csrf()).with(from(client))
                        .session(session).param("token", TOKEN).param("email", ALICE)
                        .header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"fr\">")
                .contains("<h1>Un instant, s’il vous plaît</h1>")
                .contains("<label for=\"email\">Votre adresse e-mail</label>")
                .contains("<button type=\"submit\">M’envoyer un code</button>")
                .contains(">Retour à l’invitation</a>")
                .containsPattern("Réessayez dans (une seconde|[0-9]+ secondes|une minute)\\.");
        assertNoEnglish(page, "fr");
    }

    @Test
    void withoutACampaignTheRateLimitPageSpeaksTheBrowsersLanguageElseEnglish() throws Exception {
        mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).with(from(client)).param("code", "123456"));
        String dutch = mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).with(from(client))
                        .param("code", "123456").header("Accept-Language", "es;q=1, nl-BE;q=0.8, en;q=0.5"))
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(dutch).contains("<html lang=\"nl\">").contains("<h1>Een ogenblik geduld</h1>")
                .contains("<label for=\"code\">Code van 6 cijfers</label>")
                .contains(">Terug naar de code</a>").contains("name=\"code\" value=\"123456\"");
        assertNoEnglish(dutch, "nl");
        String english = mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).with(from(client))
                        .param("code", "123456").header("Accept-Language", "es, it;q=0.5"))
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<html lang=\"en\">").contains("<h1>One moment, please</h1>")
                .contains(">Back to the code page</a>");
    }

    @Test
    void aGermanCampaignsFormSentWithAStaleTokenGetsTheNominatorsExpiredPageInGerman() throws Exception {
        campaignIn("de");
        MockHttpSession session = verifiedSession();
        // the form was shown in the campaign's language: the session remembers it
        mvc.perform(get("/org/acme/nominate/form").session(session).with(from(client))).andExpect(status().isOk());
        // its token is no longer the session's (as after a restart that kept the session, or a forged form)
        var refused = mvc.perform(post("/org/acme/nominate/submit").with(csrf().useInvalidToken()).with(from(client))
                        .session(session).param("action", "save")
                        .param("name", "Erin <img src=x onerror=alert(1)>", "").param("email", "erin@example.org", "")
                        .param("reason", "Kennt die Nachtschicht", ""))
                .andExpect(status().isForbidden())
                .andReturn().getResponse();
        assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        String page = refused.getContentAsString();
        assertThat(page).contains("<html lang=\"de\">")
                .contains("<title>Diese Seite war zu lange geöffnet · Workshop Referral Tool</title>")
                .contains("<h1>Diese Seite war zu lange geöffnet</h1>")
                .contains("Es wurde nichts gespeichert.")
                .contains("Die Liste, die Sie eingegeben haben, bleibt in diesem Browser-Tab erhalten.")
                .contains("Um fortzufahren, öffnen Sie den Link in Ihrer Einladungs-E-Mail erneut.")
                // what was typed, as text, for a browser without the script
                .contains("<li>Erin &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; <span class=\"muted\">(erin@example.org)</span>")
                .contains("Kennt die Nachtschicht")
                .doesNotContain("<img src=x").doesNotContain("This form has expired").doesNotContain("/login");
        assertNoEnglish(page, "de");
    }

    @Test
    void withoutASessionTheExpiredPageSpeaksTheBrowsersLanguageElseEnglishAndLinksBackWhenItCan() throws Exception {
        // the session ended: no session, no token in it; the form is sent all the same
        String english = mvc.perform(post("/org/acme/nominate/submit").with(from(client)).param("action", "save")
                        .param("name", "Erin").param("email", "erin@example.org").param("reason", "")
                        .header("Accept-Language", "es, it;q=0.5"))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<html lang=\"en\">").contains("<h1>This page was open too long</h1>")
                .contains("The list you typed is kept in this browser tab.")
                .contains("To go on, open the link in your invitation mail again.")
                .doesNotContain("This form has expired");

        // the email step's form carries the invitation's token: the way back is that link (no list to keep)
        String french = mvc.perform(post("/org/acme/nominate/request-link").with(from(client))
                        .param("token", TOKEN).param("email", ALICE).header("Accept-Language", "fr-CH, de;q=0.5"))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(french).contains("<html lang=\"fr\">")
                .contains("<a class=\"button\" href=\"/org/acme/nominate/" + TOKEN + "\">Rouvrir votre invitation</a>")
                .doesNotContain("conservée dans cet onglet").doesNotContain("Pour continuer, rouvrez")
                .doesNotContain(ALICE);
        assertNoEnglish(french, "fr");
    }

    @Test
    void anAdminsStaleFormStillGetsTheAdminsErrorPage() throws Exception {
        var refused = mvc.perform(post("/org/acme/manage/campaigns/new").with(from(client))
                        .param("name", "Zukunft").header("Accept-Language", "de"))
                .andExpect(status().isForbidden())
                .andReturn().getResponse();
        // handed to the container's error page (the admins'), with its own sentence; no nominator page
        assertThat(refused.getErrorMessage()).startsWith("This form has expired");
        assertThat(refused.getContentAsString()).doesNotContain("zu lange").doesNotContain("open too long");
    }

    @Test
    void aFrenchCampaignsNominatorReadsWhatBecameOfTheCopyOfTheirListInFrench() throws Exception {
        campaignIn("fr");
        MockHttpSession session = verifiedSession();
        String none = copy(session);
        assertThat(none).contains("<p class=\"flash warn\" role=\"status\">Aucune liste enregistrée à envoyer dans "
                + "cette session ; enregistrez d’abord votre liste.</p>");
        assertNoEnglish(none, "fr");

        session.setAttribute(NominatorSession.SAVED, new NominatorSession.Saved(List.of(
                new NominatorSession.Saved.Person("Erin", "erin@example.org", "")), Instant.now()));
        String sent = copy(session);
        assertThat(sent).contains("<p class=\"flash ok\" role=\"status\">Une copie de votre liste est en route vers "
                + ALICE + ".</p>");
        assertNoEnglish(sent, "fr");
        assertThat(copy(session)).contains("Une copie de cette liste a déjà été envoyée à " + ALICE + ".");

        doThrow(new MailNotSentException("We no longer send mail to this address: an earlier mail bounced or was "
                + "reported as spam.", true, null)).when(copies).send(any(), any(), any(), any());
        session.setAttribute(NominatorSession.SAVED, new NominatorSession.Saved(List.of(
                new NominatorSession.Saved.Person("Erin", "erin@example.org", "")), Instant.now().plusSeconds(1)));
        String blocked = copy(session);
        assertThat(blocked).contains("Nous n’envoyons plus d’e-mails à cette adresse")
                .doesNotContain("We no longer send mail");
        assertNoEnglish(blocked, "fr");
    }

    /** Asks for a copy, and answers the form it leads back to, with the message it carries. */
    private String copy(MockHttpSession session) throws Exception {
        var asked = mvc.perform(post("/org/acme/nominate/copy").with(csrf()).with(from(client)).session(session))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return mvc.perform(get("/org/acme/nominate/form").session(session).with(from(client))
                        .flashAttrs(asked.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** No sentence of the English nominator texts that reads otherwise in the language is on the page. */
    private static void assertNoEnglish(String page, String language) throws Exception {
        Properties english = bundle("");
        Properties other = bundle("_" + language);
        int checked = 0;
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            // whole sentences and labels as written (patterns and templates are filled in on the page)
            if (!text.equals(other.getProperty(key)) && !text.contains("{") && !text.contains("<")
                    && text.length() > 12 && !key.startsWith("language.")) {
                assertThat(page).as(key + " in English").doesNotContain(text);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(page).doesNotContain("You cannot").doesNotContain("Please try again")
                .doesNotContain("is not allowed").doesNotContain("Your list").doesNotContain("Back to");
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NominatorLanguagePagesTest.class.getClassLoader()
                .getResourceAsStream(Texts.BASENAME + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private org.springframework.test.web.servlet.ResultActions submit(MockHttpSession session, String name,
                                                                      String email, String reason) throws Exception {
        return mvc.perform(post("/org/acme/nominate/submit").with(csrf()).with(from(client)).session(session)
                .param("name", name).param("email", email).param("reason", reason));
    }

    private org.springframework.test.web.servlet.ResultActions submit(MockHttpSession session, List<String> names,
                                                                      List<String> emails) throws Exception {
        return mvc.perform(post("/org/acme/nominate/submit").with(csrf()).with(from(client)).session(session)
                .param("name", names.toArray(String[]::new)).param("email", emails.toArray(String[]::new))
                .param("reason", names.stream().map(n -> "").toArray(String[]::new)));
    }

    private MockHttpSession verifiedSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(NominatorSession.VERIFIED, new NominatorSession.Verified(ORG, SLUG,
                invitation.invitationId(), invitation.campaignId(), invitation.roundId(), invitation.personId(),
                ALICE));
        return session;
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
