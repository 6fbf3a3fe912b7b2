package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {ManageController.class, CampaignController.class, CampaignCompletionController.class})
@Import({SecurityConfiguration.class, AdminPages.class})
class CampaignControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;

    @BeforeEach
    void organisation() {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, campaign());
        answer(queries, FindRounds.class, List.of());
    }

    @Test
    @DisplayName("the dashboard lists every campaign with status and key numbers; admins may create one")
    void dashboard() throws Exception {
        answer(queries, FindCampaigns.class, List.of(campaign(2, "ACTIVE", 2)));
        answer(queries, FindRounds.class, List.of(round(1, "CLOSED", 3, 2), round(2, "OPEN", 3, 2)));
        mvc.perform(get("/org/demo/manage").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Campaigns · Workshop Referral Tool</title>")))
                .andExpect(content().string(containsString("href=\"" + BASE + "\">Future of work</a>")))
                .andExpect(content().string(containsString("round 2 open")))
                .andExpect(content().string(containsString("67%")))
                .andExpect(content().string(containsString("href=\"/org/demo/campaigns/new\"")));
    }

    @Test
    @DisplayName("the dashboard's response rate is the open (or last) round's, labelled with it, not one over all rounds")
    void dashboardRatePerRound() throws Exception {
        answer(queries, FindCampaigns.class, List.of(campaign(2, "ACTIVE", 2)));
        answer(queries, FindRounds.class, List.of(round(2, "OPEN", 13, 3), round(1, "CLOSED", 7, 3)));
        mvc.perform(get("/org/demo/manage").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Response in the latest round")))
                .andExpect(content().string(containsString("Round 2 (open):</span> 23%")))
                .andExpect(content().string(containsString("(3 of 13)")))
                .andExpect(content().string(not(containsString("67%"))));

        answer(queries, FindCampaigns.class, List.of(campaign(null, "ACTIVE", 2)));
        answer(queries, FindRounds.class, List.of(round(1, "CLOSED", 7, 3), round(2, "CLOSED", 13, 3)));
        mvc.perform(get("/org/demo/manage").with(admin()))
                .andExpect(content().string(containsString("Round 2:</span> 23%")));

        answer(queries, FindCampaigns.class, List.of(campaign(null, "ACTIVE", 0)));
        mvc.perform(get("/org/demo/manage").with(admin()))
                .andExpect(content().string(containsString("No round yet")));
    }

    private static RoundView round(int number, String status, int contacted, int responded) {
        return new RoundView(RoundId.random(), CAMPAIGN, number, status, Instant.parse("2026-11-10T09:00:00Z"),
                Instant.parse("2026-11-17T09:00:00Z"), null, null,
                "CLOSED".equals(status) ? Instant.parse("2026-11-17T09:00:00Z") : null,
                "CLOSED".equals(status) ? "DEADLINE_PASSED" : null, contacted, contacted, 0, contacted, 0, 0, 0, 0,
                responded, responded, responded, (double) responded / contacted);
    }

    @Test
    @DisplayName("an auditor sees the dashboard without the button to create a campaign")
    void dashboardForAuditor() throws Exception {
        answer(queries, FindCampaigns.class, List.of(campaign()));
        mvc.perform(get("/org/demo/manage").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Future of work")))
                .andExpect(content().string(not(containsString("/campaigns/new"))));
    }

    @Test
    @DisplayName("an empty dashboard explains what a campaign is")
    void emptyDashboard() throws Exception {
        answer(queries, FindCampaigns.class, List.of());
        mvc.perform(get("/org/demo/manage").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No campaigns yet.")));
    }

    @Test
    @DisplayName("an unknown organisation is not found")
    void unknownOrganisation() throws Exception {
        answer(queries, org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug.class, null);
        mvc.perform(get("/org/demo/manage").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("invalid input re-renders the form with a message per field and the input as typed; nothing is sent")
    void validationReRenders() throws Exception {
        mvc.perform(post("/org/demo/campaigns").with(admin()).with(csrf())
                        .param("name", "  ")
                        .param("description", "Kept <as typed>")
                        .param("threshold", "abc")
                        .param("roundDays", "120")
                        .param("reminderEnabled", "true").param("_reminderEnabled", "on")
                        .param("reminderDays", "3")
                        .param("invitationText", "Dear colleague"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Enter a name for the campaign.")))
                .andExpect(content().string(containsString("The convergence threshold must be a whole number from 1 to 100.")))
                .andExpect(content().string(containsString("The default round length must be a whole number from 1 to 90.")))
                .andExpect(content().string(containsString("value=\"abc\"")))
                .andExpect(content().string(containsString("value=\"120\"")))
                .andExpect(content().string(containsString("Kept &lt;as typed&gt;")))
                .andExpect(content().string(containsString(">Dear colleague</textarea>")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("an unchecked reminder box turns the reminder off")
    void reminderOff() throws Exception {
        AdminFixtures.subscription(queries, FindCampaign.class, campaign());
        mvc.perform(post("/org/demo/campaigns").with(admin()).with(csrf())
                        .param("name", "Spring summit").param("threshold", "3").param("roundDays", "10")
                        .param("_reminderEnabled", "on").param("reminderDays", "2"))
                .andExpect(status().is3xxRedirection());
        CreateCampaign sent = sentCommand(CreateCampaign.class);
        assertThat(sent.settings().reminderEnabled()).isFalse();
        assertThat(sent.settings().convergenceThreshold()).isEqualTo(3);
    }

    @Test
    @DisplayName("a valid campaign is created as the signed-in admin and the admin goes on to the seed group")
    void create() throws Exception {
        AdminFixtures.subscription(queries, FindCampaign.class, campaign());
        var result = mvc.perform(post("/org/demo/campaigns").with(admin()).with(csrf())
                        .param("name", " Spring summit ").param("description", "").param("threshold", "2")
                        .param("roundDays", "14").param("reminderEnabled", "true").param("_reminderEnabled", "on")
                        .param("reminderDays", "3").param("invitationText", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"))
                .andReturn();
        CommandMessage<?> message = commandMessage();
        CreateCampaign sent = (CreateCampaign) message.getPayload();
        assertThat(sent.organisationId()).isEqualTo(AdminFixtures.ORG);
        assertThat(sent.settings().name()).isEqualTo("Spring summit");
        assertThat(message.getMetaData().get("actor")).isEqualTo("admin:admin@demo.org");
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/org/demo/campaigns/" + sent.campaignId() + "/seed");
    }

    @Test
    @DisplayName("before the read side shows a new campaign, the admin lands on the list with a note, not on a 404")
    void createWhileReadSideLags() throws Exception {
        AdminFixtures.subscription(queries, FindCampaign.class, null);
        mvc.perform(post("/org/demo/campaigns").with(admin()).with(csrf())
                        .param("name", "Spring summit").param("threshold", "2").param("roundDays", "14")
                        .param("_reminderEnabled", "on").param("reminderDays", "3"))
                .andExpect(redirectedUrl("/org/demo/manage"))
                .andExpect(flash().attribute("flash", java.util.Map.of("kind", "warn", "message",
                        "Campaign “Spring summit” created. Next: add the seed group. The pages show it within a "
                                + "few seconds; reload if it is not there yet.")));
    }

    @Test
    @DisplayName("a rule the command side refuses lands next to its field, with the input kept")
    void refusedByCommand() throws Exception {
        when(commands.sendAndWait(any(), any())).thenThrow(new RuleViolation(Rule.ORGANISATION_SUSPENDED,
                "The organisation is suspended: no rounds can start and no mail is sent."));
        mvc.perform(post("/org/demo/campaigns").with(admin()).with(csrf())
                        .param("name", "Spring summit").param("threshold", "2").param("roundDays", "14")
                        .param("_reminderEnabled", "on").param("reminderDays", "3"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("The organisation is suspended")))
                .andExpect(content().string(containsString("value=\"Spring summit\"")));
    }

    @Test
    @DisplayName("an auditor cannot create a campaign")
    void auditorCannotCreate() throws Exception {
        mvc.perform(post("/org/demo/campaigns").with(auditor()).with(csrf()).param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/org/demo/campaigns/new").with(auditor())).andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("the campaign page shows settings, numbers, sections and the audit trail link; admins get the buttons")
    void campaignPage() throws Exception {
        mvc.perform(get(BASE).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Future of work · Workshop Referral Tool</title>")))
                .andExpect(content().string(containsString("href=\"" + BASE + "/audit\">Audit trail</a>")))
                .andExpect(content().string(containsString("aria-label=\"Breadcrumb\"")))
                .andExpect(content().string(containsString("href=\"" + BASE + "/edit\"")))
                .andExpect(content().string(containsString("href=\"" + BASE + "/complete\"")));
    }

    @Test
    @DisplayName("an auditor sees the campaign page without edit or complete buttons")
    void campaignPageForAuditor() throws Exception {
        mvc.perform(get(BASE).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Audit trail")))
                .andExpect(content().string(not(containsString(BASE + "/edit"))))
                .andExpect(content().string(not(containsString(BASE + "/complete"))));
    }

    @Test
    @DisplayName("another organisation's (or no) campaign is not found")
    void campaignNotFound() throws Exception {
        answer(queries, FindCampaign.class, null);
        mvc.perform(get(BASE).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("editing shows the current settings and saves the changed ones")
    void edit() throws Exception {
        mvc.perform(get(BASE + "/edit").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Future of work\"")))
                .andExpect(content().string(containsString(">Please name people.</textarea>")));
        CampaignView changed = new CampaignView(CAMPAIGN, "Future of work 2", "Who should shape it?",
                "Please name people.", 2, 14, true, 3, "ACTIVE", campaign().createdAt(), null, 7, 3, 4, 4, 1, null,
                3, 2, 2.0 / 3, 6, 1);
        AdminFixtures.subscription(queries, FindCampaign.class, campaign(), changed);
        mvc.perform(post(BASE + "/edit").with(admin()).with(csrf())
                        .param("name", "Future of work 2").param("description", "Who should shape it?")
                        .param("threshold", "2").param("roundDays", "14").param("reminderEnabled", "true")
                        .param("_reminderEnabled", "on").param("reminderDays", "3")
                        .param("invitationText", "Please name people."))
                .andExpect(redirectedUrl(BASE))
                .andExpect(flash().attribute("flash", java.util.Map.of("kind", "ok", "message",
                        "Campaign details saved.")));
    }

    @Test
    @DisplayName("completing asks for confirmation; a refusal (round still open) is shown on the confirmation page")
    void complete() throws Exception {
        mvc.perform(get(BASE + "/complete").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Complete “Future of work”?")));
        when(commands.sendAndWait(any(), any())).thenThrow(RuleViolation.variant(Rule.ROUND_OPEN, "complete",
                "Round 2 is still open; close it first.", 2));
        mvc.perform(post(BASE + "/complete").with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Round 2 is still open; close it first.")));
        assertThat(sentCommand(CompleteCampaign.class).campaignId()).isEqualTo(CAMPAIGN);
        // the same refusal for an admin reading Dutch
        mvc.perform(post(BASE + "/complete").with(admin()).with(csrf()).header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ronde 2 is nog open; sluit die eerst.")));
    }

    private CommandMessage<?> commandMessage() {
        return SentCommands.only(commands);
    }

    private <C> C sentCommand(Class<C> type) {
        return type.cast(commandMessage().getPayload());
    }
}
