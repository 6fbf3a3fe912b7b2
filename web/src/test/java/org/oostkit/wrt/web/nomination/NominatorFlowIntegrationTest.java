package org.oostkit.wrt.web.nomination;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.NominationView;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.adapters.mail.DevMailbox;
import org.oostkit.wrt.adapters.mail.MailMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nominator's whole way over HTTP, against the real application on PostgreSQL: an invitation link issued
 * through the command side, the link page, the code (captured from the mail), the form, a submission and a
 * revision, ending with the list in the read model; then the round closes and the form says so.
 */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// several nominators' ways from this one test address within a minute: more than the per-IP default of 3
@SpringBootTest(classes = WrtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wrt.rate-limits.code-request=30", "wrt.rate-limits.code-verify=30", "wrt.rate-limits.submit=60"})
@Import(NominatorFlowIntegrationTest.CapturedMail.class)
class NominatorFlowIntegrationTest {

    @Autowired
    DevMailbox mailbox;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String ADMIN = "admin@flow.test";

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStorageEngine eventStorageEngine;
    @Autowired
    Secrets secrets;
    @Autowired
    RecordingMail mail;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** An organisation, a campaign with Alice and Bob, round 1 open, and Alice's invitation link. */
    private record Invited(OrganisationId org, String slug, CampaignId campaign, RoundId round,
                           ContactInvited alice, String token) {

        String base() {
            return "/org/" + slug + "/nominate/";
        }
    }

    private Invited invited() {
        Wrt wrt = new Wrt(commandGateway);
        Actor admin = Actor.admin(ADMIN);
        OrganisationId org = OrganisationId.random();
        String slug = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        wrt.send(new RegisterOrganisation(org, slug, "Flow Works", List.of(ADMIN), List.of()), Actor.OPERATOR);
        CampaignId campaign = wrt.campaign(org, admin, "Alice", "alice@flow.test", "Bob", "bob@flow.test");
        wrt.send(new ChangeCampaignDetails(campaign, org, new CampaignSettings("Future of the plant",
                "Who should shape the new site?", 2, 14, true, 3, "Tell us who should be in the room.")), admin);
        RoundId round = wrt.startRound(org, campaign, admin, Duration.ofDays(7));
        ContactInvited alice = events().payloads(ContactInvited.class,
                e -> e.roundId().equals(round) && e.name().equals("Alice")).get(0);
        // the mail policy issues the link's token and mails it (to the dev mailbox: no SMTP server here)
        Pattern linkPattern = Pattern.compile("/org/" + slug + "/nominate/([A-Za-z0-9_-]{20,})");
        String token = Awaitility.await("Alice's invitation mail").atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.newestFirst().stream()
                        .filter(mail -> mail.to().equals("alice@flow.test"))
                        .map(mail -> linkPattern.matcher(mail.text()))
                        .filter(Matcher::find).map(link -> link.group(1)).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        return new Invited(org, slug, campaign, round, alice, token);
    }

    @Test
    void fromTheInvitationLinkToNominationsInTheReadModel() throws Exception {
        Invited invited = invited();
        Wrt wrt = new Wrt(commandGateway);
        Actor admin = Actor.admin(ADMIN);
        OrganisationId org = invited.org();
        CampaignId campaign = invited.campaign();
        RoundId round = invited.round();
        ContactInvited alice = invited.alice();
        String token = invited.token();
        String base = invited.base();

        // the link: the read model follows the token within a moment
        HttpResponse<String> landing = eventually(() -> get(base + token), r -> r.statusCode() == 200);
        assertThat(landing.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(landing.body()).contains("Future of the plant").contains("Tell us who should be in the room.")
                .doesNotContain("alice@flow.test");
        assertThat(events().payloads(InvitationLinkOpened.class, e -> e.invitationId().equals(alice.invitationId())))
                .hasSize(1);
        assertThat(get(base + secrets.newToken()).statusCode()).isEqualTo(404);

        // another address: the same answer, no mail
        HttpResponse<String> wrong = post(base + "request-link", csrf(landing), "token", token,
                "email", "mallory@flow.test");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith(base + "verify");
        assertThat(mail.codes).noneMatch(c -> c.invitationId().equals(alice.invitationId()));

        // the invited address: a code by mail
        HttpResponse<String> asked = post(base + "request-link", csrf(landing), "token", token,
                "email", "Alice@Flow.test");
        assertThat(asked.statusCode()).isEqualTo(302);
        RecordingMail.Code code = mail.awaitCode(alice.invitationId(), 0);
        assertThat(code.invitationId()).isEqualTo(alice.invitationId());
        assertThat(code.email()).isEqualTo("alice@flow.test");
        assertThat(code.code()).matches("[0-9]{6}");
        HttpResponse<String> codePage = get(base + "verify");
        assertThat(codePage.statusCode()).isEqualTo(200);

        String wrongCode = code.code().equals("000000") ? "111111" : "000000";
        assertThat(post(base + "verify/code", csrf(codePage), "code", wrongCode).statusCode()).isEqualTo(422);
        HttpResponse<String> verified = post(base + "verify/code", csrf(codePage), "code", code.code());
        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(verified.headers().firstValue("Location").orElseThrow()).endsWith(base + "form");
        // a new session id on verification, in a cookie that scripts cannot read and other sites do not get
        assertThat(verified.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(events().payloads(NominatorVerified.class, e -> e.invitationId().equals(alice.invitationId())))
                .hasSize(1);

        // the form; a bad row is sent back with its message and nothing is recorded
        HttpResponse<String> form = get(base + "form");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Who should be in the room?").contains("Confirmed as alice@flow.test");
        HttpResponse<String> refused = post(base + "submit", csrf(form), "action", "save",
                "name", "Carol", "email", "carol@flow.test", "reason", "",
                "name", "Me", "email", "alice@flow.test", "reason", "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("You cannot nominate yourself.").contains("value=\"Carol\"");
        assertThat(events().payloads(NominationSubmitted.class)).noneMatch(e -> e.invitationId().equals(
                alice.invitationId()));

        HttpResponse<String> submitted = post(base + "submit", csrf(form), "action", "save",
                "name", "Carol", "email", "carol@flow.test", "reason", "runs the night shift",
                "name", "Dan", "email", "dan@flow.test", "reason", "",
                "name", "", "email", "", "reason", "");
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith(base + "done");
        HttpResponse<String> done = get(base + "done");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You named 2 people").contains("Carol").contains("Dan")
                .contains("You will not be asked again");
        assertThat(eventually(() -> nominationsOf(org, campaign, alice), list -> list.size() == 2))
                .extracting(NominationView::name).containsExactly("Carol", "Dan");

        // back later: the saved list, short, with "edit"; the whole form on request
        HttpResponse<String> back = get(base + "form");
        assertThat(back.body()).contains("Your saved list is shown below.").contains("<strong>Carol</strong>")
                .contains("runs the night shift").doesNotContain("name=\"name\"");
        HttpResponse<String> again = get(base + "form?edit");
        assertThat(again.body()).contains("value=\"Carol\"").contains("value=\"dan@flow.test\"")
                .contains(">runs the night shift</textarea>");
        // an empty save (everyone removed) asks what was meant and changes nothing
        HttpResponse<String> emptied = post(base + "submit", csrf(again), "action", "save",
                "name", "Carol", "email", "carol@flow.test", "reason", "runs the night shift",
                "name", "Dan", "email", "dan@flow.test", "reason", "",
                "remove", "0", "remove", "1");
        assertThat(emptied.statusCode()).isEqualTo(200);
        assertThat(emptied.body()).contains("You have not named anyone").contains("Nothing was saved.")
                .doesNotContain("Your saved list is shown below");
        assertThat(events().payloads(NominationRevised.class, e -> e.invitationId().equals(alice.invitationId())))
                .isEmpty();
        // Dan goes, Erin comes first: the order the nominator chose is kept
        assertThat(post(base + "submit", csrf(again), "action", "save",
                "name", "Erin", "email", "erin@flow.test", "reason", "",
                "name", "Dan", "email", "dan@flow.test", "reason", "",
                "name", "Carol", "email", "carol@flow.test", "reason", "runs the night shift",
                "remove", "1").statusCode()).isEqualTo(302);
        assertThat(events().payloads(NominationRevised.class, e -> e.invitationId().equals(alice.invitationId())))
                .hasSize(1);
        assertThat(eventually(() -> nominationsOf(org, campaign, alice),
                list -> list.stream().anyMatch(n -> n.name().equals("Erin"))))
                .extracting(NominationView::email).containsExactly("erin@flow.test", "carol@flow.test");
        String edited = eventually(() -> get(base + "form?edit").body(), body -> body.contains("value=\"Erin\""));
        assertThat(edited.indexOf("value=\"Erin\"")).isLessThan(edited.indexOf("value=\"Carol\""));

        // the round closes: the link and the form say so
        wrt.send(new CloseRound(round, org), admin);
        HttpResponse<String> closed = eventually(() -> get(base + "form"), r -> r.statusCode() == 410);
        assertThat(closed.body()).contains("This round has closed").contains("Carol").contains("Erin");
        assertThat(get(base + token).statusCode()).isEqualTo(410);
    }

    /**
     * "I have no one to suggest" is an answer and counts in the response rate; an empty save is not and records
     * nothing. No page or mail a nominator sees carries the campaign's internal notes.
     */
    /** Issue #17: after saving, a copy of the list goes to the verified address only, once per saved list. */
    @Test
    void aCopyOfTheSavedListGoesToTheVerifiedAddressOnly() {
        Invited invited = invited();
        String base = invited.base();
        HttpResponse<String> landing = eventually(() -> get(base + invited.token()), r -> r.statusCode() == 200);
        assertThat(post(base + "request-link", csrf(landing), "token", invited.token(), "email", "alice@flow.test")
                .statusCode()).isEqualTo(302);
        HttpResponse<String> codePage = get(base + "verify");
        assertThat(post(base + "verify/code", csrf(codePage), "code",
                mail.awaitCode(invited.alice().invitationId(), 0).code()).statusCode()).isEqualTo(302);
        HttpResponse<String> form = get(base + "form");
        assertThat(post(base + "submit", csrf(form), "action", "save", "name", "Carol", "email", "carol@flow.test",
                "reason", "runs the night shift", "name", "", "email", "", "reason", "").statusCode()).isEqualTo(302);
        HttpResponse<String> done = get(base + "done");
        assertThat(done.body()).contains("Mail me a copy of my list");

        HttpResponse<String> copied = post(base + "copy", csrf(done), "email", "mallory@flow.test");
        assertThat(copied.statusCode()).isEqualTo(302);
        List<MailMessage> copies = mailbox.newestFirst().stream().filter(m -> m.kind().equals("nomination-copy"))
                .toList();
        assertThat(copies).singleElement().satisfies(copy -> {
            assertThat(copy.to()).isEqualTo("alice@flow.test");
            assertThat(copy.text()).contains("Carol <carol@flow.test>").contains("Why: runs the night shift")
                    .contains("Future of the plant").doesNotContain("Who should shape the new site?");
        });
        assertThat(get(base + "form").body()).contains("A copy of your list is on its way to alice@flow.test");

        // once per saved list
        assertThat(post(base + "copy", csrf(get(base + "form"))).statusCode()).isEqualTo(302);
        assertThat(mailbox.newestFirst().stream().filter(m -> m.kind().equals("nomination-copy"))).hasSize(1);
    }

    @Test
    void noOneToSuggestIsAnAnswerAnEmptySaveIsNotAndInternalNotesStayInternal() {
        Invited invited = invited();
        String base = invited.base();
        String notes = "Who should shape the new site?";
        HttpResponse<String> landing = eventually(() -> get(base + invited.token()), r -> r.statusCode() == 200);
        assertThat(landing.body()).contains("Tell us who should be in the room.").doesNotContain(notes);
        assertThat(post(base + "request-link", csrf(landing), "token", invited.token(), "email", "alice@flow.test")
                .statusCode()).isEqualTo(302);
        HttpResponse<String> codePage = get(base + "verify");
        assertThat(codePage.body()).doesNotContain(notes);
        assertThat(post(base + "verify/code", csrf(codePage), "code",
                mail.awaitCode(invited.alice().invitationId(), 0).code()).statusCode())
                .isEqualTo(302);
        HttpResponse<String> form = get(base + "form");
        assertThat(form.body()).contains("Tell us who should be in the room.").doesNotContain(notes)
                .contains("I have no one to suggest");

        HttpResponse<String> empty = post(base + "submit", csrf(form), "action", "save",
                "name", "", "email", "", "reason", "", "name", "", "email", "", "reason", "");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("You have not named anyone").doesNotContain(notes);
        assertThat(events().payloads(NominationSubmitted.class, e -> e.invitationId().equals(
                invited.alice().invitationId()))).isEmpty();

        HttpResponse<String> none = post(base + "submit", csrf(empty), "action", "none");
        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(get(base + "done").body()).contains("you have no one to suggest").doesNotContain(notes);
        assertThat(events().payloads(NominationSubmitted.class, e -> e.invitationId().equals(
                invited.alice().invitationId()))).singleElement().satisfies(e -> {
                    assertThat(e.noOneToSuggest()).isTrue();
                    assertThat(e.nominees()).isEmpty();
                });
        RoundView round = eventually(() -> queries.query(new FindRound(invited.org(), invited.campaign(), 1),
                RoundView.class).join(), r -> r.responded() == 1);
        assertThat(round.responded()).isEqualTo(1);
        assertThat(round.responseRate()).isEqualTo(0.5);
        assertThat(get(base + "form").body()).contains("Your saved answer: you have no one to suggest.")
                .doesNotContain(notes);

        // the invitation mails (a copy of a saved list, issue #17, holds the list rather than the invitation text)
        assertThat(mailbox.newestFirst()).filteredOn(m -> m.to().equals("alice@flow.test")
                        && !m.kind().equals("nomination-copy")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.text() + m.subject() + m.html()).doesNotContain(notes)
                        .contains("Tell us who should be in the room."));
    }

    /**
     * A nominee name with a NUL (PostgreSQL cannot store it), a CR/LF (it would break the mail header) or a
     * bidi override (it would hide what the name says) is sent back with a clear message; nothing is recorded.
     */
    @Test
    void poisonedNamesAreRefusedAtTheForm() {
        Invited invited = invited();
        String base = invited.base();
        HttpResponse<String> landing = eventually(() -> get(base + invited.token()), r -> r.statusCode() == 200);
        assertThat(post(base + "request-link", csrf(landing), "token", invited.token(), "email", "alice@flow.test")
                .statusCode()).isEqualTo(302);
        HttpResponse<String> codePage = get(base + "verify");
        assertThat(post(base + "verify/code", csrf(codePage), "code",
                mail.awaitCode(invited.alice().invitationId(), 0).code()).statusCode())
                .isEqualTo(302);
        HttpResponse<String> form = get(base + "form");
        assertThat(form.statusCode()).isEqualTo(200);

        Map<String, String> refusals = Map.of(
                "Mal\u0000lory", "The name contains an invisible control character (U+0000), which is not allowed.",
                "Mal\r\nlory", "The name contains a line break (U+000D), which is not allowed.",
                "Mal\u202Elory", "The name contains an invisible text-direction character (U+202E), which is not "
                        + "allowed.");
        refusals.forEach((name, message) -> {
            HttpResponse<String> refused = post(base + "submit", csrf(form), "action", "save",
                    "name", "Carol", "email", "carol@flow.test", "reason", "",
                    "name", name, "email", "mallory@flow.test", "reason", "");
            assertThat(refused.statusCode()).as(name).isEqualTo(422);
            assertThat(refused.body()).as(name).contains(HtmlUtils.htmlEscape(message)).contains("value=\"Carol\"");
        });
        HttpResponse<String> badReason = post(base + "submit", csrf(form), "action", "save",
                "name", "Carol", "email", "carol@flow.test", "reason", "night\u0000shift");
        assertThat(badReason.statusCode()).isEqualTo(422);
        assertThat(badReason.body()).contains("The reason contains an invisible control character (U+0000)");
        HttpResponse<String> badEmail = post(base + "submit", csrf(form), "action", "save",
                "name", "Carol", "email", "car\u0000ol@flow.test", "reason", "");
        assertThat(badEmail.statusCode()).isEqualTo(422);
        assertThat(badEmail.body()).contains("Enter an email address like name@example.org.");

        assertThat(events().payloads(NominationSubmitted.class)).noneMatch(e -> e.invitationId().equals(
                invited.alice().invitationId()));
        assertThat(nominationsOf(invited.org(), invited.campaign(), invited.alice())).isEmpty();
    }

    /**
     * The same way in a real browser the size of a small phone (375 px): no horizontal scrolling, the script
     * adds rows in place, errors are tied to their fields, and the list is saved. Needs Chromium and its
     * driver (skipped where they are not installed).
     */
    @Test
    void inAPhoneSizedBrowser() throws IOException {
        Invited invited = invited();
        String base = "http://localhost:" + port + invited.base();
        eventually(() -> get(invited.base() + invited.token()), r -> r.statusCode() == 200);
        WebDriver browser = chromium(true);
        try {
            browser.get(base + invited.token());
            awaitTitle(browser, "Confirm your email — Future of the plant");
            assertFitsTheScreen(browser);
            screenshot(browser, "1-link");
            browser.findElement(By.id("email")).sendKeys("alice@flow.test");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();

            awaitTitle(browser, "Enter your code");
            screenshot(browser, "2-code");
            browser.findElement(By.id("code")).sendKeys(mail.awaitCode(invited.alice().invitationId(), 0).code());
            browser.findElement(By.cssSelector("form button[type=submit]")).click();

            awaitTitle(browser, "Your nominations — Future of the plant");
            assertFitsTheScreen(browser);
            assertThat(browser.findElements(By.cssSelector("fieldset.nominee"))).hasSize(2);
            screenshot(browser, "3-form");
            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
            browser.findElement(By.cssSelector("button[value=more]")).click();
            assertThat(browser.findElements(By.cssSelector("fieldset.nominee"))).hasSize(3);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                    .isEqualTo(true);
            assertThat(browser.findElement(By.cssSelector("label[for=row2-name]")).getText()).isEqualTo("Name");
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("row2-name");

            browser.findElement(By.id("row0-name")).sendKeys("Carol");
            browser.findElement(By.id("row0-email")).sendKeys("carol@flow.test");
            browser.findElement(By.id("row2-name")).sendKeys("Dan");
            browser.findElement(By.id("row2-email")).sendKeys("dan-at-flow");
            browser.findElement(By.cssSelector("button[value=save]")).click();

            awaitTitle(browser, "Error: Your nominations");
            // the summary is on top and has the focus, so it is read and seen first
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("errors");
            assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.getElementById('errors').getBoundingClientRect().bottom;")).doubleValue())
                    .isLessThan(812);
            WebElement wrongEmail = browser.findElement(By.cssSelector("input[aria-invalid=true]"));
            assertThat(wrongEmail.getAttribute("value")).isEqualTo("dan-at-flow");
            assertThat(browser.findElement(By.id(wrongEmail.getAttribute("aria-describedby"))).getText())
                    .isEqualTo("Enter an email address like name@example.org.");
            assertFitsTheScreen(browser);
            screenshot(browser, "4-errors");
            wrongEmail.clear();
            wrongEmail.sendKeys("dan@flow.test");
            browser.findElement(By.cssSelector("button[value=save]")).click();

            awaitTitle(browser, "Thank you — Future of the plant");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("You named 2 people")
                    .contains("Carol (carol@flow.test)").contains("Dan (dan@flow.test)");
            assertFitsTheScreen(browser);
            screenshot(browser, "5-done");

            // the scripts speak the page's language: a row added in place, the reader's own time by the deadline
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride",
                    Map.of("timezoneId", "America/New_York"));
            browser.get(base + "form?edit&lang=fr");
            awaitTitle(browser, "Vos propositions — Future of the plant");
            int people = browser.findElements(By.cssSelector("fieldset.nominee")).size();
            browser.findElement(By.cssSelector("button[value=more]")).click();
            assertThat(browser.findElement(By.cssSelector("#row" + people + " legend")).getText())
                    .isEqualTo("Personne " + (people + 1));
            assertThat(browser.findElement(By.cssSelector(".nominate-intro .local-time")).getText())
                    .contains(" chez vous, America/New_York)").doesNotContain("your time");
        } finally {
            browser.quit();
        }
        assertThat(eventually(() -> nominationsOf(invited.org(), invited.campaign(), invited.alice()),
                list -> list.size() == 2)).extracting(NominationView::name).containsExactlyInAnyOrder("Carol", "Dan");
    }

    /**
     * A list typed into a form left open until the session ended is not lost: the refused save answers the
     * nominator's own page (not the admins'), and the same form, opened again in this tab after confirming the
     * address again, has the rows back (a hostile name as text). After the save no draft is left. An admin's
     * stale form still gets the admins' page.
     */
    @Test
    void aListTypedIntoAFormWhoseSessionEndedComesBackInTheSameTab() throws IOException {
        Invited invited = invited();
        String base = "http://localhost:" + port + invited.base();
        eventually(() -> get(invited.base() + invited.token()), r -> r.statusCode() == 200);
        HttpResponse<String> admins = post("/org/" + invited.slug() + "/manage/campaigns/new", "stale",
                "name", "Harbour");
        assertThat(admins.statusCode()).isEqualTo(403);
        // the admins' error page, saying the form expired (not that the role is read-only)
        assertThat(admins.body()).contains("<h1>This form has expired</h1>").contains("Error 403")
                .doesNotContain("read-only").doesNotContain("invitation");

        String hostile = "<img src=x onerror=alert(1)>";
        WebDriver browser = chromium(false);
        try {
            signIn(browser, base + invited.token(), invited, 0);
            browser.findElement(By.id("row0-name")).sendKeys(hostile);
            browser.findElement(By.id("row0-email")).sendKeys("carol@flow.test");
            browser.findElement(By.id("row0-reason")).sendKeys("Runs the night shift");
            browser.findElement(By.id("row1-name")).sendKeys("Dan");
            browser.findElement(By.id("row1-email")).sendKeys("dan@flow.test");
            browser.findElement(By.cssSelector("button[value=more]")).click();
            browser.findElement(By.id("row2-name")).sendKeys("Erin");
            browser.findElement(By.id("row2-email")).sendKeys("erin@flow.test");

            // the session ends while the page is open (the cookie is gone: the server knows no session)
            browser.manage().deleteCookieNamed("JSESSIONID");
            browser.findElement(By.cssSelector("button[value=save]")).click();
            awaitTitle(browser, "This page was open too long");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("The list you typed is kept in this browser tab.")
                    .contains("open the link in your invitation mail again")
                    .doesNotContain("This form has expired");
            screenshot(browser, "expired");

            // the link again, the address confirmed again: the rows are back, the hostile name as text
            signIn(browser, base + invited.token(), invited, 1);
            assertThat(browser.findElements(By.cssSelector("fieldset.nominee"))).hasSize(3);
            assertThat(browser.findElement(By.id("row0-name")).getDomProperty("value")).isEqualTo(hostile);
            assertThat(browser.findElement(By.id("row0-reason")).getDomProperty("value"))
                    .isEqualTo("Runs the night shift");
            assertThat(browser.findElement(By.id("row2-email")).getDomProperty("value")).isEqualTo("erin@flow.test");
            assertThat(browser.findElement(By.cssSelector("p.nominate-draft[role=status]")).getText())
                    .isEqualTo("Your list from before is back. It is not saved yet: check it, then save it.");
            assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return Object.keys(sessionStorage).filter(k => k.startsWith('wrt.nominate.draft.')).length;"))
                    .isEqualTo(1L);
            screenshot(browser, "draft-restored");

            browser.findElement(By.id("row0-name")).clear();
            browser.findElement(By.id("row0-name")).sendKeys("Carol");
            browser.findElement(By.cssSelector("button[value=save]")).click();
            awaitTitle(browser, "Thank you — Future of the plant");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("You named 3 people");
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return Object.keys(sessionStorage).filter(k => k.startsWith('wrt.nominate.draft.')).length;"))
                    .isEqualTo(0L);
            // the form to edit shows the saved list, and no draft note
            browser.get(base + "form?edit");
            awaitTitle(browser, "Your nominations — Future of the plant");
            assertThat(browser.findElements(By.cssSelector("p.nominate-draft"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    /** Headless Debian Chromium, fresh profile, English; {@code phone} emulates a 375 px phone. */
    private static WebDriver chromium(boolean phone) throws IOException {
        Path driverBinary = Path.of(System.getenv().getOrDefault("WRT_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
        Path browserBinary = Path.of(System.getenv().getOrDefault("WRT_TEST_CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(driverBinary) && Files.isExecutable(browserBinary))
                .as("Debian's chromium and chromium-driver are installed (.ci/run installs them)").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory("wrt-chromium-"), "--hide-scrollbars",
                "--lang=en-GB");
        if (phone) {
            // a headless window is at least 500 px wide; emulate the phone's viewport instead
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 375, "height", 812, "pixelRatio", 2.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** From the invitation link to the form: the address, then the {@code nth} code mailed for it. */
    private void signIn(WebDriver browser, String link, Invited invited, int nth) {
        browser.get(link);
        awaitTitle(browser, "Confirm your email — Future of the plant");
        browser.findElement(By.id("email")).sendKeys("alice@flow.test");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitTitle(browser, "Enter your code");
        browser.findElement(By.id("code")).sendKeys(mail.awaitCode(invited.alice().invitationId(), nth).code());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitTitle(browser, "Your nominations — Future of the plant");
    }

    /** Saves the whole page as {@code target/screenshots/nominator-<step>.png}, for people to look at. */
    private static void screenshot(WebDriver browser, String step) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        Files.write(directory.resolve("nominator-" + step + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void assertFitsTheScreen(WebDriver browser) {
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;")).intValue())
                .isEqualTo(375);
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + browser.getTitle())
                .isLessThanOrEqualTo(0);
    }

    private List<NominationView> nominationsOf(OrganisationId org, CampaignId campaign, ContactInvited nominator) {
        return queries.query(new FindNominationsOf(org, campaign, nominator.personId()),
                ResponseTypes.multipleInstancesOf(NominationView.class)).join();
    }

    private EventLog events() {
        return new EventLog(eventStorageEngine);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> post(String path, String csrf, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The read models follow the events within a moment; ask again until the answer is there (10 s at most). */
    private static <T> T eventually(Supplier<T> ask, java.util.function.Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(ask::get, done::test);
    }

    @TestConfiguration
    static class CapturedMail {

        /** Primary: the application's real mail bean (once present) stays in the context, unused here. */
        @Bean
        @Primary
        RecordingMail recordingMail() {
            return new RecordingMail();
        }
    }

    /** Waits for the page whose title starts so (a click returns before the next page has loaded). */
    private static void awaitTitle(WebDriver browser, String prefix) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith(prefix));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(browser.getTitle()).startsWith(prefix);
        }
    }
}
