package org.oostkit.wrt.web.settings;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignTimeZone;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationTimeZone;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminFixtures;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import static org.oostkit.wrt.web.campaign.AdminFixtures.campaign;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = TimeZoneController.class)
@Import({SecurityConfiguration.class, AdminPages.class})
class TimeZoneControllerTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    OrganisationLogos logos;

    @BeforeEach
    void organisation() {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, campaign());
    }

    @Test
    @DisplayName("the settings page shows the organisation's zone, selected among all zones, with the form for admins")
    void settingsPage() throws Exception {
        mvc.perform(get("/org/demo/settings").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Now: <strong>UTC</strong>")))
                .andExpect(content().string(containsString("<option value=\"Asia/Kolkata\">Asia/Kolkata (IST, UTC+05:30)</option>")))
                .andExpect(content().string(containsString("<select id=\"timeZone\" name=\"timeZone\"")));
        mvc.perform(get("/org/demo/settings").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Now: <strong>UTC</strong>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<select"))));
    }

    @Test
    @DisplayName("an admin changes the organisation's zone: the command carries the canonical id and the admin")
    void changeOrganisationZone() throws Exception {
        OrganisationView before = AdminFixtures.organisation();
        // the registry shows the new zone once the command is through
        when(commands.sendAndWait(any(), any())).thenAnswer(call -> {
            AdminFixtures.answer(queries, FindOrganisationBySlug.class, new OrganisationView(before.organisationId(),
                    before.slug(), before.name(), before.status(), before.adminEmails(), before.auditorEmails(),
                    before.registeredAt(), KOLKATA));
            return null;
        });
        mvc.perform(post("/org/demo/settings").with(admin()).with(csrf()).param("timeZone", "asia/kolkata"))
                .andExpect(redirectedUrl("/org/demo/settings"))
                .andExpect(flash().attribute("flash", Map.of("kind", "ok", "message", "Time zone set to "
                        + LocalTimes.zoneName(KOLKATA) + ". Deadlines are entered and shown in it, except in "
                        + "campaigns with a zone of their own.")));
        CommandMessage<?> sent = sent();
        assertThat(sent.getPayload()).isEqualTo(new ChangeOrganisationTimeZone(ORG, "Asia/Kolkata"));
        assertThat(sent.getMetaData().get("actor")).isEqualTo("admin:admin@demo.org");
    }

    @Test
    @DisplayName("an unknown zone is answered on the page with what was wrong; nothing is sent")
    void invalidZone() throws Exception {
        mvc.perform(post("/org/demo/settings").with(admin()).with(csrf()).param("timeZone", "Mars/Olympus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&#39;Mars/Olympus&#39; is not a time zone")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("auditors may look but not change")
    void auditorsCannotChange() throws Exception {
        mvc.perform(post("/org/demo/settings").with(auditor()).with(csrf()).param("timeZone", "Asia/Kolkata"))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("a campaign gets its own zone, or follows the organisation again with the first option")
    void campaignZone() throws Exception {
        mvc.perform(get(BASE + "/time-zone").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Now: <strong>UTC (the organisation&#39;s)</strong>")))
                .andExpect(content().string(containsString("<option value=\"\" selected>The organisation&#39;s zone (UTC)</option>")));

        AdminFixtures.answer(queries, FindTimeZone.class, new TimeZoneView(KOLKATA, ZoneId.of("UTC"), KOLKATA));
        mvc.perform(post(BASE + "/time-zone").with(admin()).with(csrf()).param("timeZone", "Asia/Kolkata"))
                .andExpect(redirectedUrl(BASE))
                .andExpect(flash().attribute("flash", Map.of("kind", "ok", "message",
                        "The campaign’s time zone is " + LocalTimes.zoneName(KOLKATA) + ".")));
        assertThat(sent().getPayload()).isEqualTo(new ChangeCampaignTimeZone(CAMPAIGN, ORG, "Asia/Kolkata"));
    }

    @Test
    @DisplayName("an empty choice sends no zone: the campaign follows its organisation")
    void campaignFollowsOrganisation() throws Exception {
        AdminFixtures.answer(queries, FindTimeZone.class, new TimeZoneView(ZoneId.of("UTC"), ZoneId.of("UTC"), null));
        mvc.perform(post(BASE + "/time-zone").with(admin()).with(csrf()).param("timeZone", ""))
                .andExpect(redirectedUrl(BASE));
        assertThat(sent().getPayload()).isEqualTo(new ChangeCampaignTimeZone(CAMPAIGN, ORG, null));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CommandMessage<?> sent() {
        CommandMessage<?> captor = SentCommands.only(commands);
        return captor;
    }
}
