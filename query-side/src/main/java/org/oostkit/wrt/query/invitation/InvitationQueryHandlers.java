package org.oostkit.wrt.query.invitation;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitation;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.NominationView;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class InvitationQueryHandlers {

    private final InvitationReadModel model;

    InvitationQueryHandlers(InvitationReadModel model) {
        this.model = model;
    }

    @QueryHandler
    InvitationView handle(FindInvitationByTokenHash query) {
        return model.byTokenHash(query.organisationId(), query.tokenHash()).orElse(null);
    }

    @QueryHandler
    InvitationView handle(FindInvitation query) {
        return model.byId(query.organisationId(), query.invitationId()).orElse(null);
    }

    @QueryHandler
    List<NominationView> handle(FindNominationsOf query) {
        return model.nominationsOf(query.organisationId(), query.campaignId(), query.nominatorId());
    }
}
