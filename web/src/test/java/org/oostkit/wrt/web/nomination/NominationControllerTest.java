package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.WithdrawVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.VerificationOutcome;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitation;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.NominationView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The nominator's pages over the web layer alone: the command and query gateways answer as the command
 * side and read models would; the mail is recorded. The whole flow against the real application is in
 * {@code NominatorFlowIntegrationTest}.
 */
@WebMvcTest({NominatorLinkController.class, NominatorVerificationController.class, NominationFormController.class})
@Import({SecurityConfiguration.class, WrtMetrics.class, Nominators.class, CodeMails.class, NominationControllerTest.Fakes.class})
class NominationControllerTest {

    static final String SLUG = "acme";
    static final OrganisationId ORG = OrganisationId.random();
    static final String TOKEN = "Zk9hX1VjZ2xpbmstdG9rZW4tZm9yLXRoZS10ZXN0czAx";
    static final String ALICE = "alice@acme.test";
    static final String INTERNAL_NOTES = "Who should shape the new site?";

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordingMail mail;
    @Autowired
    Secrets secrets;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    QueryGateway queries;

    final List<Object> sent = new ArrayList<>();
    final List<String> actors = new ArrayList<>();
    final Map<Class<?>, Function<Object, Object>> commandSide = new HashMap<>();
    final List<NominationView> saved = new ArrayList<>();
    InvitationView invitation;

    @BeforeEach
    void readModelsAndCommandSide() {
        mail.codes.clear();
        mail.failure = null;
        invitation = invitation("OPEN");
        doAnswer(call -> CompletableFuture.completedFuture(answer(call.getArgument(0))))
                .when(queries).query(any(), any(Class.class));
        doAnswer(call -> CompletableFuture.completedFuture(answer(call.getArgument(0))))
                .when(queries).query(any(), any(ResponseType.class));
        doAnswer(call -> {
            CommandMessage<?> message = SentCommands.message(call.getArgument(0), call.getArgument(1));
            sent.add(message.getPayload());
            actors.add(String.valueOf(message.getMetaData().get(Actor.METADATA_KEY)));
            return commandSide.getOrDefault(message.getPayloadType(), c -> null).apply(message.getPayload());
        }).when(commands).sendAndWait(any(), any());
    }

    private Object answer(Object query) {
        if (query instanceof FindOrganisationBySlug q) {
            return q.slug().equals(SLUG) ? new OrganisationView(ORG, SLUG, "Acme", OrganisationStatus.ACTIVE,
                    List.of("admin@acme.test"), List.of(), Instant.now(), java.time.ZoneOffset.UTC) : null;
        }
        if (query instanceof FindInvitationByTokenHash q) {
            return q.organisationId().equals(ORG) && q.tokenHash().equals(secrets.invitationTokenHash(TOKEN))
                    ? invitation : null;
        }
        if (query instanceof FindInvitation q) {
            return q.invitationId().equals(invitation.invitationId()) ? invitation : null;
        }
        if (query instanceof org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone) {
            return new org.oostkit.wrt.query.api.TimeZoneView(java.time.ZoneId.of("UTC"), java.time.ZoneId.of("UTC"), null);
        }
        if (query instanceof FindNominationsOf q) {
            return q.nominatorId().equals(invitation.personId()) ? List.copyOf(saved) : List.of();
        }
        throw new IllegalArgumentException("unexpected query " + query);
    }

    @Nested
    class TheLink {

        @Test
        void opensTheEmailFormAndRecordsTheOpeningWithoutSigningAnyoneIn() throws Exception {
            MvcResult result = mvc.perform(get("/org/acme/nominate/" + TOKEN))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "<title>Confirm your email — Future of the plant · Workshop Referral Tool</title>")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "name=\"token\" value=\"" + TOKEN + "\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Tell us who should be")))
                    .andReturn();
            // (the CSRF token of the email form may live in a session; nothing of the nominator does)
            jakarta.servlet.http.HttpSession session = result.getRequest().getSession(false);
            assertThat(Nominators.pending(session, SLUG)).isEmpty();
            assertThat(Nominators.verified(session, SLUG)).isEmpty();
            assertThat(sent).containsExactly(new RecordLinkOpened(invitation.invitationId(), ORG));
            assertThat(actors).containsExactly("nominator:" + invitation.invitationId());
            // the invited address is not shown to whoever holds the link
            assertThat(result.getResponse().getContentAsString()).doesNotContain(ALICE);
            // the campaign's internal notes are for admins and auditors only
            assertThat(result.getResponse().getContentAsString()).doesNotContain(INTERNAL_NOTES);
        }

        @Test
        void anUnknownTokenAnUnknownOrganisationOrAMalformedTokenIsAnInvalidLink() throws Exception {
            for (String path : List.of("/org/acme/nominate/" + TOKEN.replace('Z', 'Y'),
                    "/org/other/nominate/" + TOKEN, "/org/acme/nominate/short", "/org/acme/nominate/invalid")) {
                mvc.perform(get(path))
                        .andExpect(status().isNotFound())
                        .andExpect(header().string("Referrer-Policy", "no-referrer"))
                        .andExpect(content().string(org.hamcrest.Matchers.containsString("This link does not work")));
            }
            assertThat(sent).isEmpty();
        }

        @Test
        void aClosedRoundSaysSo() throws Exception {
            invitation = invitation("CLOSED");
            mvc.perform(get("/org/acme/nominate/" + TOKEN))
                    .andExpect(status().isGone())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("This round has closed")));
        }

        @Test
        void aVerifiedNominatorComingBackGoesStraightToTheForm() throws Exception {
            mvc.perform(get("/org/acme/nominate/" + TOKEN).session(verifiedSession()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/org/acme/nominate/form"));
        }
    }

    @Nested
    class TheCode {

        @Test
        void theInvitedAddressGetsACodeAndTheCodeForm() throws Exception {
            commandSide.put(RequestVerificationCode.class,
                    c -> new IssuedCode("123456", Instant.now().plus(Duration.ofMinutes(10))));
            MvcResult result = mvc.perform(post("/org/acme/nominate/request-link").with(csrf())
                            .param("token", TOKEN).param("email", " Alice@Acme.test "))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/org/acme/nominate/verify"))
                    .andReturn();
            assertThat(sent).containsExactly(new RequestVerificationCode(invitation.invitationId(), ORG, ALICE));
            assertThat(mail.lastCode().email()).isEqualTo(ALICE);
            assertThat(mail.lastCode().code()).isEqualTo("123456");
            MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
            mvc.perform(get("/org/acme/nominate/verify").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("<title>Enter your code")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "autocomplete=\"one-time-code\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "You entered <strong>" + ALICE + "</strong>")));
            // sessions are stored: the link's token must not be among what the session keeps
            for (String name : java.util.Collections.list(session.getAttributeNames())) {
                assertThat(String.valueOf(session.getAttribute(name))).doesNotContain(TOKEN);
            }
        }

        @Test
        void aTypoIsCorrectedOnTheSameInvitationWithoutTheLink() throws Exception {
            MockHttpSession session = pendingSession();
            mvc.perform(get("/org/acme/nominate/verify/again").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "action=\"/org/acme/nominate/verify/again\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + ALICE + "\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("name=\"token\""))));
            commandSide.put(RequestVerificationCode.class,
                    c -> new IssuedCode("654321", Instant.now().plus(Duration.ofMinutes(10))));
            mvc.perform(post("/org/acme/nominate/verify/again").with(csrf()).session(session)
                            .param("email", "Alice@Acme.test"))
                    .andExpect(redirectedUrl("/org/acme/nominate/verify"));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());
            assertThat(sent).containsExactly(new RequestVerificationCode(invitation.invitationId(), ORG, ALICE));
            // without the session nobody can ask on an invitation they did not open
            mvc.perform(post("/org/acme/nominate/verify/again").with(csrf()).param("email", ALICE))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void anotherAddressGetsTheSameAnswerAndNoMail() throws Exception {
            commandSide.put(RequestVerificationCode.class, c -> {
                throw new RuleViolation(Rule.EMAIL_MISMATCH, "That is not the address this invitation was sent to.");
            });
            mvc.perform(post("/org/acme/nominate/request-link").with(csrf())
                            .param("token", TOKEN).param("email", "mallory@evil.test"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/org/acme/nominate/verify"));
            assertThat(mail.codes).isEmpty();
        }

        @Test
        void tooManyCodesGetTheSameAnswerAsAnyOtherAddress() throws Exception {
            commandSide.put(RequestVerificationCode.class, c -> {
                throw new RuleViolation(Rule.TOO_MANY_CODES, "Too many codes were requested; try again in an hour.");
            });
            mvc.perform(post("/org/acme/nominate/request-link").with(csrf())
                            .param("token", TOKEN).param("email", ALICE))
                    .andExpect(redirectedUrl("/org/acme/nominate/verify"));
            assertThat(mail.codes).isEmpty();
        }

        @Test
        void aCodeThatCannotBeMailedGetsTheSameAnswerAndIsWithdrawn() throws Exception {
            Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
            commandSide.put(RequestVerificationCode.class, c -> new IssuedCode("123456", expiresAt));
            mail.failure = new IllegalStateException("SMTP server not answering");
            mvc.perform(post("/org/acme/nominate/request-link").with(csrf())
                            .param("token", TOKEN).param("email", ALICE))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/org/acme/nominate/verify"));
            // the code never reached the mail server: it must not use up one of the invitation's codes
            assertThat(sent).containsExactly(new RequestVerificationCode(invitation.invitationId(), ORG, ALICE),
                    new WithdrawVerificationCode(invitation.invitationId(), ORG, expiresAt));
        }

        @Test
        void aMalformedAddressIsAskedAgainWithTheInputKept() throws Exception {
            mvc.perform(post("/org/acme/nominate/request-link").with(csrf())
                            .param("token", TOKEN).param("email", "alice-at-acme"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"alice-at-acme\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "aria-invalid=\"true\" aria-describedby=\"email-error\"")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "id=\"email-error\">Enter an email address like")));
            assertThat(sent).isEmpty();
        }

        @Test
        void withoutTheCsrfTokenNothingHappens() throws Exception {
            mvc.perform(post("/org/acme/nominate/request-link").param("token", TOKEN).param("email", ALICE))
                    .andExpect(status().isForbidden());
            assertThat(sent).isEmpty();
        }

        @Test
        void theRightCodeOpensASessionForThisInvitationUnderANewSessionId() throws Exception {
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.VERIFIED);
            MockHttpSession session = pendingSession();
            String before = session.getId();
            MvcResult result = mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(session)
                            .param("code", "123 456"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/org/acme/nominate/form"))
                    .andReturn();
            assertThat(sent).containsExactly(new VerifyCode(invitation.invitationId(), ORG, "123456"));
            assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
            NominatorSession.Verified verified = (NominatorSession.Verified) result.getRequest().getSession()
                    .getAttribute(NominatorSession.VERIFIED);
            assertThat(verified.invitationId()).isEqualTo(invitation.invitationId());
            assertThat(verified.slug()).isEqualTo(SLUG);
            assertThat(verified.roundId()).isEqualTo(invitation.roundId());
            assertThat(result.getRequest().getSession().getAttribute(NominatorSession.PENDING)).isNull();
        }

        @Test
        void aWrongCodeIsAskedAgain() throws Exception {
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.WRONG_CODE);
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "654321"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("That code is not right")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "aria-describedby=\"code-hint code-error\"")));
        }

        @Test
        void aWrongCodeIsCalledWrongAndAnOlderCodeOfOursIsCalledNotTheLatest() throws Exception {
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.WRONG_CODE);
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "654321"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("That code is not right")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                            "newer"))));
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.SUPERSEDED);
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "654321"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "This is not the latest code we sent")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"654321\"")));
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.USED);
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "654321"))
                    .andExpect(status().isGone())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("This code has been used already")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "href=\"/org/acme/nominate/verify/again\"")));
        }

        @Test
        void somethingThatIsNotSixDigitsIsNotSent() throws Exception {
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "12ab"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the 6 digits")));
            assertThat(sent).isEmpty();
        }

        @Test
        void lockedExpiredAndUsedCodesEachHaveTheirPage() throws Exception {
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.LOCKED);
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "111111"))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Too many attempts")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "href=\"/org/acme/nominate/verify/again\"")));
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.EXPIRED);
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "111111"))
                    .andExpect(status().isGone())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Your code has expired")));
            commandSide.put(VerifyCode.class, c -> VerificationOutcome.NO_CODE);
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).session(pendingSession())
                            .param("code", "111111"))
                    .andExpect(status().isGone())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("can no longer be used")));
        }

        @Test
        void withoutASessionTheCodePageSaysTheSessionEnded() throws Exception {
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).param("code", "123456"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Your session has ended")));
            mvc.perform(get("/org/acme/nominate/verify"))
                    .andExpect(status().isUnauthorized());
            assertThat(sent).isEmpty();
        }
    }

    @Nested
    class TheForm {

        @Test
        void comingBackShowsTheSavedListCompactlyWithEditLinksAndTheWholeFormOnRequest() throws Exception {
            invitation = responded(invitation, Instant.now());
            saved.add(new NominationView(PersonId.random(), "Zoe Example", "zoe@acme.test", "runs the night shift",
                    1, Instant.now()));
            saved.add(new NominationView(PersonId.random(), "Abe Example", "abe@acme.test", "", 1, Instant.now()));
            String page = mvc.perform(get("/org/acme/nominate/form").session(verifiedSession()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("<title>Your nominations — Future of the plant · Workshop Referral Tool</title>")
                    .contains("Tell us who should be in the room.").doesNotContain(INTERNAL_NOTES)
                    .contains("Your saved list is shown below.")
                    .contains("<h2 id=\"saved-heading\">Your saved list</h2>")
                    .contains("<strong>Zoe Example</strong>").contains("runs the night shift")
                    .contains("href=\"/org/acme/nominate/form?edit#row0\">Edit<span class=\"visually-hidden\"> Zoe Example")
                    .contains("href=\"/org/acme/nominate/form?edit#row2\">Add another person</a>")
                    .doesNotContain("name=\"name\"")
                    .contains("Withdraw my list: I have no one to suggest")
                    .contains("Confirmed as " + ALICE);
            assertThat(page.indexOf("Zoe Example")).as("the nominator's order").isLessThan(page.indexOf("Abe Example"));

            String form = mvc.perform(get("/org/acme/nominate/form").param("edit", "1").session(verifiedSession()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(form).contains("value=\"Zoe Example\"").contains("value=\"zoe@acme.test\"")
                    .contains(">runs the night shift</textarea>")
                    .contains("<legend>Person 3</legend>").doesNotContain("<legend>Person 4</legend>")
                    .contains("Remove person 2 from my list").doesNotContain("Remove person 3")
                    .contains("Add another person");
            assertThat(form.indexOf("value=\"Zoe Example\"")).isLessThan(form.indexOf("value=\"Abe Example\""));
        }

        @Test
        void aFirstVisitStartsWithTwoRowsAndOffersTheNoOneAnswer() throws Exception {
            String page = mvc.perform(get("/org/acme/nominate/form").session(verifiedSession()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("<legend>Person 2</legend>").doesNotContain("<legend>Person 3</legend>")
                    .doesNotContain("Your saved list").doesNotContain(INTERNAL_NOTES)
                    .contains("<button type=\"submit\" name=\"action\" value=\"none\" class=\"secondary\">"
                            + "I have no one to suggest</button>");
        }

        @Test
        void anEmptySaveAsksForConfirmationAndRecordsNothing() throws Exception {
            invitation = responded(invitation, Instant.now());
            String page = mvc.perform(post("/org/acme/nominate/submit").with(csrf()).session(verifiedSession())
                            .param("action", "save")
                            .param("name", "", "").param("email", "", "").param("reason", "", ""))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(sent).isEmpty();
            assertThat(page).contains("<title>Nothing saved: Your nominations")
                    .contains("<h2>You have not named anyone</h2>").contains("Nothing was saved.")
                    .contains("<button type=\"submit\" name=\"action\" value=\"none\">I have no one to suggest</button>")
                    .doesNotContain("Your saved list is shown below");
            assertThat(page.indexOf("id=\"errors\"")).as("the question comes first")
                    .isLessThan(page.indexOf("nominate-intro"));
        }

        @Test
        void theExplicitNoOneAnswerIsSentAndConfirmed() throws Exception {
            MockHttpSession session = verifiedSession();
            MvcResult result = mvc.perform(post("/org/acme/nominate/submit").with(csrf()).session(session)
                            .param("action", "none"))
                    .andExpect(redirectedUrl("/org/acme/nominate/done"))
                    .andReturn();
            assertThat(sent).containsExactly(SubmitNominations.noOneToSuggest(ORG, invitation.invitationId()));
            String done = mvc.perform(get("/org/acme/nominate/done").session(session)
                            .flashAttrs(result.getFlashMap()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(done).contains("is saved: you have no one to suggest").doesNotContain("The people you named")
                    .doesNotContain(INTERNAL_NOTES);
            // back on the form (the read model not there yet): the saved answer, and rows to name people after all
            String form = mvc.perform(get("/org/acme/nominate/form").session(session))
                    .andReturn().getResponse().getContentAsString();
            assertThat(form).contains("Your saved answer: you have no one to suggest.")
                    .doesNotContain("Your saved list is shown below").contains("<legend>Person 2</legend>")
                    .doesNotContain("value=\"none\"");
        }

        @Test
        void aSessionOfAnotherOrganisationOrNoneOpensNothing() throws Exception {
            mvc.perform(get("/org/other/nominate/form").session(verifiedSession()))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/org/acme/nominate/form"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Your session has ended")));
        }

        @Test
        void everyBadRowGetsItsOwnMessageAndNothingIsSent() throws Exception {
            invitation = responded(invitation, Instant.now());
            String page = mvc.perform(post("/org/acme/nominate/submit").with(csrf()).session(verifiedSession())
                            .param("name", "Erin", "", "Frank", "Me", "")
                            .param("email", "erin@acme.test", "gina@acme.test", "frank-at-acme", "ALICE@acme.test", "")
                            .param("reason", "", "", "", "", ""))
                    .andExpect(status().isUnprocessableEntity())
                    .andReturn().getResponse().getContentAsString();
            assertThat(sent).isEmpty();
            assertThat(page.indexOf("id=\"errors\"")).as("the summary comes first")
                    .isGreaterThan(0).isLessThan(page.indexOf("nominate-intro"))
                    .isLessThan(page.indexOf("name=\"name\""));
            assertThat(page).contains("role=\"alert\" tabindex=\"-1\" id=\"errors\" autofocus")
                    .contains("Nothing is saved yet.").doesNotContain("Your saved list is shown below");
            assertThat(page).contains("<title>Error: Your nominations")
                    .contains("value=\"Erin\"").contains("value=\"gina@acme.test\"").contains("value=\"frank-at-acme\"")
                    .contains("id=\"row1-name\" name=\"name\" value=\"\" maxlength=\"250\" autocomplete=\"off\"\n"
                            + "               aria-invalid=\"true\" aria-describedby=\"row1-name-error\"")
                    .contains("<p class=\"field-error\" id=\"row1-name-error\">Enter the person's name.</p>")
                    .contains("id=\"row2-email-error\">Enter an email address like name@example.org.</p>")
                    .contains("id=\"row3-email-error\">You cannot nominate yourself.</p>")
                    .contains("<a href=\"#row1-name\">Person 2: Enter the person's name.</a>")
                    .doesNotContain("row0-name-error");
        }

        @Test
        void aValidListIsSubmittedWithoutRemovedAndBlankRowsAndConfirmed() throws Exception {
            MockHttpSession session = verifiedSession();
            MvcResult result = mvc.perform(post("/org/acme/nominate/submit").with(csrf()).session(session)
                            .param("name", "Erin", "Old Friend", "Frank", "", "Erin again")
                            .param("email", "erin@acme.test", "old@acme.test", "FRANK@acme.test ", "", "Erin@Acme.test")
                            .param("reason", "night shift", "", "", "", "")
                            .param("remove", "1"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/org/acme/nominate/done"))
                    .andExpect(flash().attributeExists("named"))
                    .andReturn();
            assertThat(sent).containsExactly(SubmitNominations.of(ORG, invitation.invitationId(), List.of(
                    new NomineeInput("Erin", "erin@acme.test", "night shift"),
                    new NomineeInput("Frank", "FRANK@acme.test", ""),
                    new NomineeInput("Erin again", "Erin@Acme.test", ""))));
            assertThat(actors).containsExactly("nominator:" + invitation.invitationId());
            String done = mvc.perform(get("/org/acme/nominate/done").session(session)
                            .flashAttrs(result.getFlashMap()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(done).contains("<title>Thank you — Future of the plant").contains("You named 2 people")
                    .contains("Erin <span class=\"muted\">(erin@acme.test)</span>")
                    .contains("Frank <span class=\"muted\">(frank@acme.test)</span>")
                    .contains("You will not be asked again");
        }

        @Test
        void rightAfterSavingTheFormShowsTheSavedListUntilTheReadModelHasIt() throws Exception {
            MockHttpSession session = verifiedSession();
            mvc.perform(post("/org/acme/nominate/submit").with(csrf()).session(session)
                            .param("name", "Erin").param("email", "erin@acme.test").param("reason", "night shift"))
                    .andExpect(status().is3xxRedirection());
            // the read model still has nothing
            assertThat(mvc.perform(get("/org/acme/nominate/form").session(session))
                    .andReturn().getResponse().getContentAsString())
                    .contains("<strong>Erin</strong>").contains("night shift");
            // once it has caught up, it is the source again (here: a later change from another device)
            invitation = responded(invitation, Instant.now().plusSeconds(1));
            saved.add(new NominationView(PersonId.random(), "Gina", "gina@acme.test", "", 1, Instant.now()));
            assertThat(mvc.perform(get("/org/acme/nominate/form").param("edit", "1").session(session))
                    .andReturn().getResponse().getContentAsString())
                    .contains("value=\"Gina\"").doesNotContain("value=\"Erin\"");
        }

        @Test
        void addingRowsKeepsTheInputAndSendsNothing() throws Exception {
            String page = mvc.perform(post("/org/acme/nominate/submit").with(csrf()).session(verifiedSession())
                            .param("action", "more")
                            .param("name", "Erin").param("email", "erin@acme.test").param("reason", "why not"))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(sent).isEmpty();
            assertThat(page).contains("value=\"Erin\"").contains(">why not</textarea>")
                    .contains("<legend>Person 2</legend>").doesNotContain("<legend>Person 3</legend>")
                    .contains("This page is not saved yet.");
        }

        @Test
        void aRoundThatClosedMeanwhileShowsTheClosedPage() throws Exception {
            commandSide.put(SubmitNominations.class, c -> {
                throw new RuleViolation(Rule.ROUND_CLOSED, "This round is closed.");
            });
            mvc.perform(post("/org/acme/nominate/submit").with(csrf()).session(verifiedSession())
                            .param("name", "Erin").param("email", "erin@acme.test").param("reason", ""))
                    .andExpect(status().isGone())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("This round has closed")));
            invitation = invitation("CLOSED");
            saved.add(new NominationView(PersonId.random(), "Erin", "erin@acme.test", "", 1, Instant.now()));
            mvc.perform(get("/org/acme/nominate/form").session(verifiedSession()))
                    .andExpect(status().isGone())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "Erin <span class=\"muted\">(erin@acme.test)</span>")));
        }

        @Test
        void theConfirmationPageWithoutAFreshSubmissionShowsTheForm() throws Exception {
            mvc.perform(get("/org/acme/nominate/done").session(verifiedSession()))
                    .andExpect(redirectedUrl("/org/acme/nominate/form"));
        }
    }

    private MockHttpSession pendingSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(NominatorSession.PENDING,
                new NominatorSession.Pending(ORG, SLUG, invitation.invitationId(), ALICE));
        return session;
    }

    private MockHttpSession verifiedSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(NominatorSession.VERIFIED, new NominatorSession.Verified(ORG, SLUG,
                invitation.invitationId(), invitation.campaignId(), invitation.roundId(), invitation.personId(),
                ALICE));
        return session;
    }

    private static InvitationView responded(InvitationView v, Instant at) {
        return new InvitationView(v.invitationId(), v.campaignId(), v.campaignName(), v.campaignDescription(),
                v.invitationText(), v.roundId(), v.roundNumber(), v.roundStatus(), v.deadline(), v.personId(),
                v.name(), v.email(), v.verifiedAt(), at, at);
    }

    private InvitationView invitation(String roundStatus) {
        InvitationView earlier = invitation;
        return new InvitationView(earlier == null ? InvitationId.random() : earlier.invitationId(),
                earlier == null ? CampaignId.random() : earlier.campaignId(), "Future of the plant",
                "Who should shape the new site?", "Tell us who should be in the room.",
                earlier == null ? RoundId.random() : earlier.roundId(), 1, roundStatus,
                Instant.parse("2026-12-01T17:00:00Z"), earlier == null ? PersonId.random() : earlier.personId(),
                "Alice", ALICE, null, null, null);
    }

    @TestConfiguration
    static class Fakes {

        /** Codes are mailed off the request thread; here on the test's own thread, so the test can see them. */
        @Bean
        TaskExecutor applicationTaskExecutor() {
            return new SyncTaskExecutor();
        }

        @Bean
        RecordingMail recordingMail() {
            return new RecordingMail();
        }

        /** The real Secrets lives on the command side (it owns the key); a plain digest does for the web slice. */
        @Bean
        Secrets secrets() {
            return new Secrets() {
                @Override
                public String newToken() {
                    return UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
                }

                @Override
                public String invitationTokenHash(String token) {
                    return sha256("invitation-token:" + token);
                }

                @Override
                public String signInTokenHash(String token) {
                    return sha256("sign-in-token:" + token);
                }

                @Override
                public boolean same(String hash, String otherHash) {
                    return MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8),
                            otherHash.getBytes(StandardCharsets.UTF_8));
                }
            };
        }

        private static String sha256(String value) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
