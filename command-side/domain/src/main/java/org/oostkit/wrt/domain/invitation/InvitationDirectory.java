package org.oostkit.wrt.domain.invitation;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.util.Optional;

/** Command-side lookup of invitations: by id and by the hash of any token they were sent. */
public interface InvitationDirectory {

    Optional<Entry> find(InvitationId invitationId);

    Optional<Entry> findByTokenHash(String tokenHash);

    record Entry(InvitationId invitationId, OrganisationId organisationId, CampaignId campaignId, RoundId roundId,
                 PersonId personId, boolean verified) {
    }
}
