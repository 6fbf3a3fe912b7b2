package org.oostkit.wrt.web.retention;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.campaign.AdminFixtures;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.oostkit.wrt.web.campaign.AdminFixtures.BASE;
import static org.oostkit.wrt.web.campaign.AdminFixtures.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ErasureController.class)
@Import(SecurityConfiguration.class)
class ErasureControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;

    @BeforeEach
    void campaignExists() {
        doReturn(CompletableFuture.completedFuture(AdminFixtures.organisation())).when(queries)
                .query(any(FindOrganisationBySlug.class), eq(OrganisationView.class));
        doReturn(CompletableFuture.completedFuture(AdminFixtures.campaign())).when(queries)
                .query(any(FindCampaign.class), eq(CampaignView.class));
    }

    @Test
    @DisplayName("erasing a person: an invalid address and no tick answer 422 with both fields' messages, nothing sent")
    void invalidPerson() throws Exception {
        mvc.perform(post(BASE + "/people/erase").with(admin()).with(csrf()).param("email", "zeb@"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString(
                        "<p class=\"field-error\" id=\"email-error\">This is not a valid email address.</p>")))
                .andExpect(content().string(containsString(
                        "<p class=\"field-error\" id=\"confirm-error\">Tick the box to confirm the erasure.</p>")))
                .andExpect(content().string(containsString("value=\"zeb@\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("erasing a campaign: a name that isn't the campaign's answers 422 with the field's message, nothing sent")
    void wrongName() throws Exception {
        mvc.perform(post(BASE + "/erase").with(admin()).with(csrf()).param("confirmName", "Future of wrk"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("<p class=\"field-error\" id=\"confirmName-error\">")))
                .andExpect(content().string(containsString("exactly as shown to confirm.")))
                .andExpect(content().string(containsString("value=\"Future of wrk\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }
}
