package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** Queries of the nominator's pages: the invitation behind a link, and the nominator's current list. */
public final class InvitationQueries {

    private InvitationQueries() {
    }

    /**
     * The invitation whose current magic-link token has this keyed hash (see the api's {@code Secrets}); answers
     * an {@link InvitationView} or null. An earlier token of the same invitation, or a token of another
     * organisation, is not found.
     */
    public record FindInvitationByTokenHash(OrganisationId organisationId, String tokenHash) {

        @Override
        public String toString() {
            return "FindInvitationByTokenHash[organisationId=" + organisationId + ", tokenHash=******]";
        }
    }

    /** One invitation; answers an {@link InvitationView} or null. */
    public record FindInvitation(OrganisationId organisationId, InvitationId invitationId) {
    }

    /**
     * The people a nominator currently names in a campaign (their latest list), in the order they chose
     * (lists saved before that order was kept: in the order they were first named); answers a list of
     * {@link NominationView}.
     */
    public record FindNominationsOf(OrganisationId organisationId, CampaignId campaignId, PersonId nominatorId) {
    }
}
