package org.oostkit.wrt.web.round;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoundReasons;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.web.campaign.AdminFixtures;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.oostkit.wrt.web.campaign.AdminFixtures.BASE;
import static org.oostkit.wrt.web.campaign.AdminFixtures.admin;
import static org.oostkit.wrt.web.campaign.AdminFixtures.answer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With a mail provider configured, its counters are on the round page from the start (0 until it reports). */
@WebMvcTest(controllers = {RoundController.class, RoundListController.class}, properties = "wrt.mail.provider=postmark")
@Import({SecurityConfiguration.class, AdminPages.class, RoundPages.class, LiveRound.class, InvitationResends.class})
class RoundProviderCountersTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;

    @Test
    @DisplayName("a configured provider's counters are shown at 0 before it reported anything")
    void providerCountersShown() throws Exception {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, AdminFixtures.campaign());
        answer(queries, FindRoundReasons.class, new ReasonsView(List.of()));
        answer(queries, FindRound.class, RoundControllerTest.round("OPEN", 0, null, null));
        answer(queries, FindContacts.class, List.of());
        mvc.perform(get(BASE + "/rounds/2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-live=\"delivered\">0</div>")))
                .andExpect(content().string(containsString("data-live=\"bounced\">0</div>")))
                .andExpect(content().string(containsString("marked as spam")));
    }
}
