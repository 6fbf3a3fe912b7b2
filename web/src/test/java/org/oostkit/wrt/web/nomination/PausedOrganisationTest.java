package org.oostkit.wrt.web.nomination;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A suspended organisation's nominators are told their nominations are paused and their link kept, not that
 * their link is broken; a link that is no invitation of it still reads as a broken link.
 */
@WebMvcTest({NominatorLinkController.class, NominatorVerificationController.class, NominationFormController.class})
@Import({SecurityConfiguration.class, WrtMetrics.class, Nominators.class, CodeMails.class, NominationControllerTest.Fakes.class})
class PausedOrganisationTest {

    static final String TOKEN = "Zk9hX1VjZ2xpbmstdG9rZW4tZm9yLXRoZS10ZXN0czAx";
    static final OrganisationId ORG = OrganisationId.random();

    @Autowired
    MockMvc mvc;
    @Autowired
    Secrets secrets;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    QueryGateway queries;

    final InvitationView invitation = new InvitationView(InvitationId.random(), CampaignId.random(),
            "Future of the plant", "internal", "Tell us who should be in the room.", RoundId.random(), 1, "OPEN",
            Instant.parse("2026-12-01T17:00:00Z"), PersonId.random(), "Alice", "alice@acme.test", null, null, null);

    @BeforeEach
    void aSuspendedOrganisation() {
        doAnswer(call -> CompletableFuture.completedFuture(answer(call.getArgument(0))))
                .when(queries).query(any(), any(Class.class));
        doAnswer(call -> CompletableFuture.completedFuture(answer(call.getArgument(0))))
                .when(queries).query(any(), any(ResponseType.class));
    }

    private Object answer(Object query) {
        if (query instanceof FindOrganisationBySlug q) {
            return q.slug().equals("acme") ? new OrganisationView(ORG, "acme", "Acme Works",
                    OrganisationStatus.SUSPENDED, List.of("admin@acme.test"), List.of(), Instant.now(), java.time.ZoneOffset.UTC) : null;
        }
        if (query instanceof FindInvitationByTokenHash q) {
            return q.organisationId().equals(ORG) && q.tokenHash().equals(secrets.invitationTokenHash(TOKEN))
                    ? invitation : null;
        }
        throw new IllegalArgumentException("unexpected query " + query);
    }

    @Test
    void theInvitationLinkSaysNominationsArePaused() throws Exception {
        mvc.perform(get("/org/acme/nominate/" + TOKEN))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Nominations are paused")))
                .andExpect(content().string(containsString("Acme Works has paused its nominations")))
                .andExpect(content().string(not(containsString("This link does not work"))));
        // nothing is recorded for an organisation that is paused
        verifyNoInteractions(commands);
    }

    @Test
    void aLinkThatIsNoInvitationStillReadsAsABrokenLink() throws Exception {
        mvc.perform(get("/org/acme/nominate/" + TOKEN.replace('Z', 'Y')))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link does not work")))
                .andExpect(content().string(not(containsString("paused"))));
    }
}
