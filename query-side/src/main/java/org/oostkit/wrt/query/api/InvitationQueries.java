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
     * The invitation whose magic-link token has this keyed hash (see the api's {@code Secrets}) within the
     * organisation; answers an {@link InvitationView} or null.
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

    /** The nominator's latest list in the order they chose; answers a list of {@link NominationView}. */
    public record FindNominationsOf(OrganisationId organisationId, CampaignId campaignId, PersonId nominatorId) {
    }
}
