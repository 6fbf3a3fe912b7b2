package org.oostkit.wrt.web.round;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationCommands.SendInvitationAgain;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundCommands.ExtendRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoundReasons;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.web.campaign.AdminFixtures;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.oostkit.wrt.web.campaign.AdminFixtures.BASE;
import static org.oostkit.wrt.web.campaign.AdminFixtures.CAMPAIGN;
import static org.oostkit.wrt.web.campaign.AdminFixtures.admin;
import static org.oostkit.wrt.web.campaign.AdminFixtures.answer;
import static org.oostkit.wrt.web.campaign.AdminFixtures.auditor;
import static org.oostkit.wrt.web.campaign.AdminFixtures.campaign;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {RoundController.class, RoundListController.class})
@Import({SecurityConfiguration.class, AdminPages.class, RoundPages.class, LiveRound.class, InvitationResends.class})
class RoundControllerTest {

    static final RoundId ROUND = RoundId.of("00000000-0000-4000-8000-00000000aaaa");
    static final Instant DEADLINE = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;

    @BeforeEach
    void campaign() {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, AdminFixtures.campaign());
        PersonView asked = new PersonView(PersonId.random(), "Alice", "alice@example.org", "SEED", null, 1, 0);
        PersonView waiting = new PersonView(PersonId.random(), "Carol", "carol@example.org", "NOMINATED", 1, null, 2);
        answer(queries, FindRoster.class, new RosterView(List.of(asked, waiting), List.of(waiting)));
        answer(queries, FindRounds.class, List.of(round(1, "CLOSED", 0)));
        answer(queries, FindRoundReasons.class, new ReasonsView(List.of()));
    }

    static RoundView round(int number, String status, int responded) {
        return new RoundView(ROUND, CAMPAIGN, number, status, Instant.parse("2026-11-10T09:00:00Z"), DEADLINE,
                null, null, "CLOSED".equals(status) ? Instant.parse("2026-11-17T09:00:00Z") : null,
                "CLOSED".equals(status) ? "DEADLINE_PASSED" : null, 2, 2, 0, 2, 1, 0, 0, 0, 2, 1, responded,
                responded / 2.0);
    }

    @Test
    @DisplayName("the rounds page offers the campaign's default deadline and reminder, and says who will and will not be asked, and why")
    void roundsPage() throws Exception {
        // the campaign's default length, ending at 17:00 in the campaign's zone (UTC here)
        String expectedDeadline = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(14) + "T17:00";
        mvc.perform(get(BASE + "/rounds").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Start round 2")))
                .andExpect(content().string(containsString("Deadline <span class=\"muted\">(UTC)</span>")))
                .andExpect(content().string(containsString("type=\"datetime-local\" id=\"deadline\" name=\"deadline\" value=\"" + expectedDeadline + "\"")))
                .andExpect(content().string(containsString("name=\"reminderEnabled\" value=\"true\" checked")))
                .andExpect(content().string(containsString("<td>Carol</td><td>carol@example.org</td><td>nominated in round 1, not asked yet</td>")))
                .andExpect(content().string(containsString("<td>Alice</td><td>alice@example.org</td><td>already asked in round 1")));
    }

    @Test
    @DisplayName("an auditor sees the rounds but no start form")
    void roundsPageForAuditor() throws Exception {
        mvc.perform(get(BASE + "/rounds").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Will be asked in the next round (1)")))
                .andExpect(content().string(not(containsString("action=\"" + BASE + "/rounds\""))));
    }

    @Test
    @DisplayName("a deadline in the past re-renders the form with the message and the input kept")
    void pastDeadline() throws Exception {
        mvc.perform(post(BASE + "/rounds").with(admin()).with(csrf())
                        .param("deadline", "2020-01-01T10:00").param("reminderEnabled", "true").param("reminderDays", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The deadline must be in the future.")))
                .andExpect(content().string(containsString("value=\"2020-01-01T10:00\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("a reminder out of range re-renders the form with the field's message and sends nothing")
    void reminderOutOfRange() throws Exception {
        mvc.perform(post(BASE + "/rounds").with(admin()).with(csrf())
                        .param("deadline", LocalDateTime.ofInstant(DEADLINE, ZoneOffset.UTC).toString())
                        .param("reminderEnabled", "true").param("reminderDays", "31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p class=\"field-error\" id=\"reminderDays-error\">"
                        + "The reminder must be a whole number of days from 1 to 30.</p>")))
                .andExpect(content().string(containsString("value=\"31\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("starting sends the deadline (organisation zone) and reminder, then shows the new round")
    void start() throws Exception {
        when(commands.sendAndWait(any(), any())).thenReturn(2);
        AdminFixtures.subscription(queries, FindRound.class, null, round(2, "OPEN", 0));
        String deadline = LocalDateTime.ofInstant(DEADLINE, ZoneOffset.UTC).toString();
        mvc.perform(post(BASE + "/rounds").with(admin()).with(csrf())
                        .param("deadline", deadline).param("reminderEnabled", "true").param("reminderDays", "2"))
                .andExpect(redirectedUrl(BASE + "/rounds/2"));
        StartRound sent = sent(StartRound.class);
        assertThat(sent.deadline()).isEqualTo(DEADLINE);
        assertThat(sent.reminderEnabled()).isTrue();
        assertThat(sent.reminderDaysBefore()).isEqualTo(2);
    }

    @Test
    @DisplayName("a round with nobody to ask is refused with the command side's message")
    void nobodyToContact() throws Exception {
        when(commands.sendAndWait(any(), any())).thenThrow(RuleViolation.variant(Rule.NOBODY_TO_CONTACT,
                "allAsked", "Everyone in this campaign has already been asked; a new round needs newly nominated people."));
        mvc.perform(post(BASE + "/rounds").with(admin()).with(csrf())
                        .param("deadline", LocalDateTime.ofInstant(DEADLINE, ZoneOffset.UTC).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Everyone in this campaign has already been asked")));
    }

    @Test
    @DisplayName("the round page shows the counts, the contacts a page at a time, and (for admins) extend and close")
    void roundPage() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        List<ContactView> contacts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            contacts.add(new ContactView(InvitationId.random(), PersonId.random(), String.format("Person %02d", i),
                    "p" + i + "@example.org", i == 0 ? "BOUNCED" : "DELIVERED", 0, Instant.now(), Instant.now(), null,
                    null, Instant.now(), null, null, i == 0 ? Instant.now() : null, null, null, null, null, null));
        }
        answer(queries, FindContacts.class, contacts);
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Round 2 of Future of work · Workshop Referral Tool</title>")))
                .andExpect(content().string(containsString("data-live=\"responded\">1</div>")))
                .andExpect(content().string(containsString("data-live=\"responseRate\">50%</div>")))
                .andExpect(content().string(containsString("data-live-src=\"" + BASE + "/rounds/2/live\"")))
                .andExpect(content().string(containsString("<span class=\"badge bad\">bounced</span>")))
                .andExpect(content().string(containsString("Person 49")))
                .andExpect(content().string(not(containsString("Person 50"))))
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andExpect(content().string(containsString("action=\"" + BASE + "/rounds/2/extend\"")))
                .andExpect(content().string(containsString("href=\"" + BASE + "/rounds/2/close\"")));
        mvc.perform(get(BASE + "/rounds/2").param("page", "2").with(admin()))
                .andExpect(content().string(containsString("Person 59")))
                .andExpect(content().string(not(containsString("Person 49"))));
    }

    @Test
    @DisplayName("an auditor sees the round without extend or close")
    void roundPageForAuditor() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        answer(queries, FindContacts.class, List.of());
        mvc.perform(get(BASE + "/rounds/2").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-live=\"contacted\">2</div>")))
                .andExpect(content().string(not(containsString("/extend"))))
                .andExpect(content().string(not(containsString("/close"))));
        mvc.perform(post(BASE + "/rounds/2/close").with(auditor()).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("an unknown round is not found")
    void unknownRound() throws Exception {
        answer(queries, FindRound.class, null);
        mvc.perform(get(BASE + "/rounds/9").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("the live endpoint streams the counts as server-sent events and ends when the round closes")
    void liveCounts() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 0));
        AdminFixtures.subscription(queries, FindRound.class, round(2, "OPEN", 0), round(2, "OPEN", 1),
                round(2, "CLOSED", 2));
        MvcResult started = mvc.perform(get(BASE + "/rounds/2/live").with(auditor()))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
        String stream = started.getResponse().getContentAsString();
        assertThat(started.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(started.getResponse().getHeader("X-Accel-Buffering")).isEqualTo("no");
        assertThat(stream).contains("event:round");
        assertThat(stream.split("event:round", -1)).hasSize(4);
        assertThat(stream).contains("\"responded\":1").contains("\"responseRate\":\"50%\"")
                .contains("\"status\":\"closed\"");
    }

    @Test
    @DisplayName("closing asks first, then closes the round by its id")
    void close() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        mvc.perform(get(BASE + "/rounds/2/close").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Close round 2 now?")))
                .andExpect(content().string(containsString("People who have not answered will not be asked again")));
        AdminFixtures.subscription(queries, FindRound.class, round(2, "CLOSED", 1));
        mvc.perform(post(BASE + "/rounds/2/close").with(admin()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/rounds/2"));
        assertThat(sent(CloseRound.class).roundId()).isEqualTo(ROUND);
    }

    @Test
    @DisplayName("extending to an earlier moment is refused on the page; a later one is sent")
    void extend() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        answer(queries, FindContacts.class, List.of());
        String earlier = LocalDateTime.ofInstant(DEADLINE.minus(1, ChronoUnit.DAYS), ZoneOffset.UTC).toString();
        mvc.perform(post(BASE + "/rounds/2/extend").with(admin()).with(csrf()).param("deadline", earlier))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The new deadline must be later than the current one")))
                .andExpect(content().string(containsString("value=\"" + earlier + "\"")));
        verify(commands, never()).sendAndWait(any(), any());

        Instant later = DEADLINE.plus(3, ChronoUnit.DAYS);
        AdminFixtures.subscription(queries, FindRound.class, round(2, "OPEN", 1));
        mvc.perform(post(BASE + "/rounds/2/extend").with(admin()).with(csrf())
                        .param("deadline", LocalDateTime.ofInstant(later, ZoneOffset.UTC).toString()))
                .andExpect(redirectedUrl(BASE + "/rounds/2"));
        assertThat(sent(ExtendRound.class).newDeadline()).isEqualTo(later);
    }

    private static ContactView contact(String name, String status, String reason) {
        return new ContactView(InvitationId.random(), PersonId.random(), name, name.toLowerCase() + "@example.org",
                status, 0, Instant.now(), null, reason == null ? null : Instant.now(), reason, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    @DisplayName("invitations that may not have gone out are listed for the admin, with send again for one or all")
    void inDoubtListed() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        ContactView uma = contact("Uma", "UNCERTAIN", ContactView.UNCERTAIN_REASON);
        ContactView fay = contact("Fay", "FAILED", "refused before sending: a line break in the recipient's name");
        answer(queries, FindContacts.class, List.of(fay, uma, contact("Sam", "SENT", null)));
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not sure these mails went out (1)")))
                .andExpect(content().string(containsString("Send all 1 again")))
                .andExpect(content().string(containsString("<span class=\"badge warn\">not sure it went out</span>")))
                .andExpect(content().string(containsString("a line break in the recipient&#39;s name")))
                .andExpect(content().string(containsString("name=\"invitation\" value=\"" + uma.invitationId() + "\"")))
                .andExpect(content().string(containsString("name=\"invitation\" value=\"" + fay.invitationId() + "\"")));
        mvc.perform(get(BASE + "/rounds/2").with(auditor()))
                .andExpect(content().string(not(containsString("Not sure these mails went out"))))
                .andExpect(content().string(not(containsString("/send-again"))));
        answer(queries, FindRound.class, round(2, "CLOSED", 1));
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(content().string(not(containsString("/send-again"))));
    }

    @Test
    @DisplayName("send again (all) sends every listed invitation again as the signed-in admin")
    void sendAllAgain() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        ContactView uma = contact("Uma", "UNCERTAIN", ContactView.UNCERTAIN_REASON);
        answer(queries, FindContacts.class, List.of(uma, contact("Fay", "FAILED", "gave up"), contact("Sam", "SENT", null)));
        mvc.perform(post(BASE + "/rounds/2/send-again").param("all", "true").with(admin()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/rounds/2"))
                .andExpect(flash().attribute("flash", Map.of("kind", "ok",
                        "message", "1 invitation is being sent again, each with a new link.")));
        CommandMessage<?> captor = SentCommands.only(commands);
        assertThat(captor.getPayload()).isEqualTo(new SendInvitationAgain(uma.invitationId(), AdminFixtures.ORG));
        assertThat(captor.getMetaData()).containsEntry("actor", "admin:admin@demo.org");
    }

    @Test
    @DisplayName("send again for one: only an invitation of the round in doubt; auditors may not")
    void sendOneAgain() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        ContactView fay = contact("Fay", "FAILED", "gave up");
        ContactView sam = contact("Sam", "SENT", null);
        answer(queries, FindContacts.class, List.of(fay, sam));
        mvc.perform(post(BASE + "/rounds/2/send-again").param("invitation", sam.invitationId().toString())
                        .with(admin()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/rounds/2"))
                .andExpect(flash().attribute("flash", Map.of("kind", "warn", "message",
                        "That invitation of this round has not failed and is not in doubt: it is not sent again.")));
        verify(commands, never()).sendAndWait(any(), any());
        mvc.perform(post(BASE + "/rounds/2/send-again").param("invitation", fay.invitationId().toString())
                        .with(auditor()).with(csrf()))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any(), any());

        mvc.perform(post(BASE + "/rounds/2/send-again").param("invitation", fay.invitationId().toString())
                        .with(admin()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/rounds/2"))
                .andExpect(flash().attribute("flash", Map.of("kind", "ok", "message",
                        "The invitation to Fay is being sent again, with a new link.")));
        assertThat(sent(SendInvitationAgain.class)).isEqualTo(new SendInvitationAgain(fay.invitationId(), AdminFixtures.ORG));
    }

    private <C> C sent(Class<C> type) {
        CommandMessage<?> captor = SentCommands.only(commands);
        return type.cast(captor.getPayload());
    }

    /** A round with the given provider counters (delivered, opened, clicked, bounced, spam) and reminder. */
    static RoundView round(String status, int providerCount, Instant reminderAt, Instant reminderSentAt) {
        boolean closed = "CLOSED".equals(status);
        return new RoundView(ROUND, CAMPAIGN, 2, status, Instant.parse("2026-11-10T09:00:00Z"), DEADLINE,
                reminderAt, reminderSentAt, closed ? Instant.parse("2026-11-17T09:00:00Z") : null,
                closed ? "CLOSED_BY_ADMIN" : null, 2, 2, 0, providerCount, 0, 0, 0, 0, 1, 1, 1, 0.5);
    }

    @Test
    @DisplayName("without a mail provider and with nothing reported, the provider counters are not shown")
    void noProviderCounters() throws Exception {
        answer(queries, FindRound.class, round("OPEN", 0, null, null));
        answer(queries, FindContacts.class, List.of());
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-live=\"contacted\">2</div>")))
                .andExpect(content().string(containsString("data-live=\"sent\">2</span>")))
                .andExpect(content().string(not(containsString("data-live=\"delivered\""))))
                .andExpect(content().string(not(containsString("data-live=\"opened\""))))
                .andExpect(content().string(not(containsString("data-live=\"clicked\""))))
                .andExpect(content().string(not(containsString("data-live=\"bounced\""))))
                .andExpect(content().string(not(containsString("marked as spam"))));
    }

    @Test
    @DisplayName("provider counters appear once a provider event was recorded, even with no provider configured now")
    void providerCountersWhenReported() throws Exception {
        answer(queries, FindRound.class, round("OPEN", 3, null, null));
        answer(queries, FindContacts.class, List.of());
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(content().string(containsString("data-live=\"delivered\">3</div>")))
                .andExpect(content().string(containsString("data-live=\"bounced\">0</div>")))
                .andExpect(content().string(containsString("marked as spam")));
    }

    @Test
    @DisplayName("an open round says when its reminder is planned; a closed one plans none, and says one was sent")
    void closedRoundPlansNoReminder() throws Exception {
        Instant reminder = DEADLINE.minus(2, ChronoUnit.DAYS);
        answer(queries, FindContacts.class, List.of());
        answer(queries, FindRound.class, round("OPEN", 0, reminder, null));
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(content().string(containsString("Reminder planned for")));
        answer(queries, FindRound.class, round("CLOSED", 0, reminder, null));
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Closed ")))
                .andExpect(content().string(not(containsString("Reminder"))));
        answer(queries, FindRound.class, round("CLOSED", 0, reminder, reminder));
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(content().string(containsString("Reminder sent")))
                .andExpect(content().string(not(containsString("planned"))));
    }

    @Test
    @DisplayName("the contacts table is marked for the live script, which re-renders it whenever the counts change")
    void contactsTableFollowsTheCounts() throws Exception {
        answer(queries, FindRound.class, round(2, "OPEN", 1));
        answer(queries, FindContacts.class, List.of());
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(content().string(containsString("<section aria-labelledby=\"contacts-title\" id=\"contacts\" "
                        + "data-live-table>")))
                .andExpect(content().string(containsString("<script src=\"/js/round-live.js\" defer></script>")));
    }
}
