package org.oostkit.wrt.web.campaign;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.oostkit.wrt.web.campaign.AdminFixtures.BASE;
import static org.oostkit.wrt.web.campaign.AdminFixtures.admin;
import static org.oostkit.wrt.web.campaign.AdminFixtures.answer;
import static org.oostkit.wrt.web.campaign.AdminFixtures.campaign;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = CampaignSenderController.class)
@Import({SecurityConfiguration.class, AdminPages.class})
class CampaignSenderControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    CampaignSenders senders;

    @BeforeEach
    void campaignExists() {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, campaign());
        when(senders.of(any())).thenReturn(CampaignSender.NONE);
        when(senders.language(any())).thenReturn("en");
    }

    @Test
    @DisplayName("an invalid sender form answers 422 with each field's message, as typed, and sends nothing")
    void invalid() throws Exception {
        mvc.perform(post(BASE + "/sender").with(admin()).with(csrf()).param("senderName", "Team")
                        .param("replyTo", "not-an-address").param("contactName", "Ada Lovelace"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("<p class=\"field-error\" id=\"replyTo-error\">"
                        + "The reply-to address")))
                .andExpect(content().string(containsString("not-an-address")))
                .andExpect(content().string(containsString("<p class=\"field-error\" id=\"contactEmail-error\">"
                        + "A contact person needs an email address that nominators can write to.</p>")))
                .andExpect(content().string(containsString("value=\"Ada Lovelace\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("a valid sender form sends the sender as typed and comes back to the sender page")
    void save() throws Exception {
        mvc.perform(post(BASE + "/sender").with(admin()).with(csrf()).param("senderName", "Team")
                        .param("replyTo", "reply@example.org").param("contactName", "Ada")
                        .param("contactEmail", "ada@example.org"))
                .andExpect(redirectedUrl(BASE + "/sender"));
        ChangeCampaignSender sent = (ChangeCampaignSender) SentCommands.only(commands).getPayload();
        assertThat(sent.sender()).isEqualTo(new CampaignSender("Team", "reply@example.org", "Ada",
                "ada@example.org"));
    }
}
