package org.oostkit.wrt.web.shortlist;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.campaign.CampaignCommands.CloseShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveFromShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.ShortlistPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.TellTheChosen;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.InsightQueries.FindNetworkInsight;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.PersonQueries.FindPersonStory;
import org.oostkit.wrt.query.api.PersonStoryView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.export.ShortlistExport;
import org.oostkit.wrt.web.campaign.AdminFixtures;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.oostkit.wrt.adapters.mail.SelectionMails;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.oostkit.wrt.web.campaign.AdminFixtures.BASE;
import static org.oostkit.wrt.web.campaign.AdminFixtures.CAMPAIGN;
import static org.oostkit.wrt.web.campaign.AdminFixtures.ORG;
import static org.oostkit.wrt.web.campaign.AdminFixtures.admin;
import static org.oostkit.wrt.web.campaign.AdminFixtures.answer;
import static org.oostkit.wrt.web.campaign.AdminFixtures.auditor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {ShortlistController.class, PersonController.class, TellTheChosenController.class})
@Import({SecurityConfiguration.class, AdminPages.class})
class ShortlistControllerTest {

    static final PersonId ERIN = PersonId.random();
    static final PersonId ALICE = PersonId.random();
    static final PersonId GINA = PersonId.random();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    ShortlistExport export;
    @MockitoBean
    SelectionMails selectionMails;
    @MockitoBean
    CampaignSenders senders;

    @BeforeEach
    void campaign() {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, AdminFixtures.campaign());
        answer(queries, FindShortlist.class, new ShortlistView(List.of(new ShortlistView.Entry(ERIN, "Erin <E>",
                "erin@acme.test", Instant.parse("2026-12-01T10:00:00Z"), "admin:eve@demo.org", "Bridges two circles")),
                null, null));
        answer(queries, FindNetworkInsight.class, new NetworkInsightView(
                List.of(new NetworkInsightView.Group(1, 3, 1, List.of("Erin")),
                        new NetworkInsightView.Group(2, 2, 0, List.of("Gina"))),
                Map.of(ERIN, 1, ALICE, 1, GINA, 2), List.of(), 0, 1, 1, true));
        answer(queries, FindPersonStory.class, new PersonStoryView(ERIN, "Erin <E>", "erin@acme.test", "NOMINATED",
                true, 1, 2, Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-21T10:00:00Z"), 3, 1, 1, 2,
                List.of(new ReasonView(ERIN, "Erin <E>", ALICE, "Alice", 1, "She <b>knows</b> the site")),
                List.of(new ReasonView(GINA, "Gina", ERIN, "Erin <E>", 2, "")), false));
    }

    @Test
    @DisplayName("the shortlist page lists the chosen with note, group and who chose them; admins may close it")
    void page() throws Exception {
        String page = mvc.perform(get(BASE + "/shortlist").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("People chosen for the workshop (1)", "Erin &lt;E&gt;", "erin@acme.test",
                "Bridges two circles", "by eve@demo.org", "The one person chosen comes from 1 of the 2 groups",
                BASE + "/shortlist/export/csv", BASE + "/shortlist/export/pdf", "Close the shortlist as final",
                "href=\"" + BASE + "/people/" + ERIN + "\"");
        String audited = mvc.perform(get(BASE + "/shortlist").with(auditor())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(audited).contains("Erin &lt;E&gt;").doesNotContain("Close the shortlist as final", "Take off");
    }

    @Test
    @DisplayName("choosing sends the command as the admin, with the note, and goes back to the person's row")
    void choose() throws Exception {
        mvc.perform(post(BASE + "/shortlist/choose").with(admin()).with(csrf()).param("person", GINA.toString())
                        .param("note", "Site lead").param("back", "results"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(BASE + "/results#rank-" + GINA));
        CommandMessage<?> sent = sent();
        assertThat(sent.getPayload()).isEqualTo(new ShortlistPerson(CAMPAIGN, ORG, GINA, "Site lead"));
        assertThat(sent.getMetaData()).containsEntry("actor", "admin:admin@demo.org");
    }

    @Test
    @DisplayName("a note the text rule refuses sends nothing and says why")
    void badNote() throws Exception {
        mvc.perform(post(BASE + "/shortlist/choose").with(admin()).with(csrf()).param("person", GINA.toString())
                        .param("note", "bad\u0007").param("back", "person"))
                .andExpect(redirectedUrl(BASE + "/people/" + GINA))
                .andExpect(flash().attribute("flash", Map.of("kind", "error", "message",
                        "Not chosen: The note contains an invisible control character (U+0007), which is not allowed.")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("a refused change is said in words; auditors cannot change the shortlist")
    void refusedAndAuditor() throws Exception {
        when(commands.sendAndWait(any(), any())).thenThrow(new RuleViolation(Rule.SHORTLIST_CLOSED,
                "The shortlist is closed as final; it can no longer change."));
        mvc.perform(post(BASE + "/shortlist/remove").with(admin()).with(csrf()).param("person", ERIN.toString()))
                .andExpect(redirectedUrl(BASE + "/shortlist"))
                .andExpect(flash().attribute("flash", Map.of("kind", "error", "message",
                        "The shortlist is closed as final; it can no longer change.")));
        mvc.perform(post(BASE + "/shortlist/close").with(auditor()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("taking off and closing send their commands")
    void removeAndClose() throws Exception {
        mvc.perform(post(BASE + "/shortlist/remove").with(admin()).with(csrf()).param("person", ERIN.toString())
                .param("back", "shortlist")).andExpect(redirectedUrl(BASE + "/shortlist"));
        assertThat(sent().getPayload()).isEqualTo(new RemoveFromShortlist(CAMPAIGN, ORG, ERIN));
    }

    @Test
    @DisplayName("telling the chosen: admins only, the message checked by its rule, the command with the message")
    void tellTheChosen() throws Exception {
        mvc.perform(get(BASE + "/shortlist/tell").with(auditor())).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/shortlist/tell").with(auditor()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/shortlist/tell").with(admin()).with(csrf()).param("message", "bad\u0007"))
                .andExpect(redirectedUrl(BASE + "/shortlist/tell"));
        verify(commands, never()).sendAndWait(any(), any());
        when(commands.sendAndWait(any(), any())).thenReturn(2);
        mvc.perform(post(BASE + "/shortlist/tell").with(admin()).with(csrf()).param("message", "See you"))
                .andExpect(redirectedUrl(BASE + "/shortlist"))
                .andExpect(flash().attribute("flash", Map.of("kind", "ok", "message", "The selection mail goes out to "
                        + "2 people; each is mailed once. The shortlist shows when it was sent.")));
        assertThat(sent().getPayload()).isEqualTo(new TellTheChosen(CAMPAIGN, ORG, "See you"));
    }

    @Test
    @DisplayName("closing sends CloseShortlist")
    void close() throws Exception {
        mvc.perform(post(BASE + "/shortlist/close").with(admin()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/shortlist"));
        assertThat(sent().getPayload()).isEqualTo(new CloseShortlist(CAMPAIGN, ORG));
    }

    @Test
    @DisplayName("a person's page: rank, who named them and why, whom they named, asked and answered, shortlist")
    void person() throws Exception {
        String page = mvc.perform(get(BASE + "/people/" + ERIN).with(auditor())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Erin &lt;E&gt;", "erin@acme.test", "group 1", "Asked in round 2",
                "Answered", "Alice</a> <span class=\"muted\">(round 1)</span>: <q>She &lt;b&gt;knows&lt;/b&gt; the site</q>",
                "Gina</a> <span class=\"muted\">(round 2)</span> <span class=\"muted\">– no reason given</span>",
                "on the shortlist", "Bridges two circles</q></p>")
                .doesNotContain("Take off the shortlist");
        assertThat(mvc.perform(get(BASE + "/people/" + ERIN).with(admin())).andReturn().getResponse()
                .getContentAsString()).contains("Take off the shortlist");
    }

    @Test
    @DisplayName("an erased person's page says so and shows no address")
    void erasedPerson() throws Exception {
        answer(queries, FindPersonStory.class, new PersonStoryView(GINA, "[erased]", "[erased]", "NOMINATED", true, 1,
                null, null, null, 2, 2, 1, 2, List.of(), List.of(), true));
        String page = mvc.perform(get(BASE + "/people/" + GINA).with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Erased person", "data was erased", "Not asked yet")
                .doesNotContain("[erased]", "Choose for the workshop");
    }

    @Test
    @DisplayName("whether each chosen person was told comes from the shortlist view: on the list, their page and "
            + "the telling page")
    void told() throws Exception {
        PersonId frank = PersonId.random();
        Instant chosen = Instant.parse("2026-12-01T10:00:00Z");
        answer(queries, FindShortlist.class, new ShortlistView(List.of(
                new ShortlistView.Entry(ERIN, "Erin <E>", "erin@acme.test", chosen, "admin:eve@demo.org", ""),
                new ShortlistView.Entry(GINA, "Gina", "gina@acme.test", chosen, "admin:eve@demo.org", ""),
                new ShortlistView.Entry(frank, "Frank", "frank@acme.test", chosen, "admin:eve@demo.org", "")),
                null, null, List.of(
                new ShortlistView.SelectionMail(ERIN, chosen, ShortlistView.SelectionMail.State.TOLD,
                        Instant.parse("2026-12-02T09:15:00Z"), ""),
                new ShortlistView.SelectionMail(GINA, chosen, ShortlistView.SelectionMail.State.NOT_SENT,
                        Instant.parse("2026-12-02T09:15:00Z"), "not sent: mail to this address bounced before"))));
        when(selectionMails.preview(any(), any(), any(), any(), any(), any()))
                .thenReturn(new SelectionMails.Preview("You have been selected", "text", "<p>html</p>"));

        String page = mvc.perform(get(BASE + "/shortlist").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td>told on 2 Dec 2026, 09:15 UTC</td>",
                "<td>not told: mail to this address bounced before</td>", "<span class=\"muted\">not told</span>");
        assertThat(mvc.perform(get(BASE + "/people/" + ERIN).with(admin())).andReturn().getResponse()
                .getContentAsString()).contains("; told on 2 Dec 2026, 09:15 UTC");
        // Erin and Gina were asked for already: only Frank is left to tell
        assertThat(mvc.perform(get(BASE + "/shortlist/tell").with(admin())).andReturn().getResponse()
                .getContentAsString()).contains("<strong>1 person</strong>", "2 already asked for", ": Frank.");
    }

    @Test
    @DisplayName("an unknown person is a 404 page")
    void unknown() throws Exception {
        answer(queries, FindPersonStory.class, null);
        mvc.perform(get(BASE + "/people/" + PersonId.random()).with(admin())).andExpect(status().isNotFound());
    }

    private CommandMessage<?> sent() {
        CommandMessage<?> captor = SentCommands.only(commands);
        return captor;
    }
}
