package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.round.RoundId;

import java.time.Instant;

/**
 * An invitation as the nominator's pages need it: the campaign's words, the round and whether it is still
 * open, and who was invited ({@code email} is the invited address: show it only to the verified nominator).
 */
public record InvitationView(InvitationId invitationId,
                             CampaignId campaignId,
                             String campaignName,
                             String campaignDescription,
                             String invitationText,
                             RoundId roundId,
                             int roundNumber,
                             String roundStatus,
                             Instant deadline,
                             PersonId personId,
                             String name,
                             String email,
                             Instant verifiedAt,
                             Instant respondedAt,
                             Instant revisedAt) {

    public boolean roundOpen() {
        return "OPEN".equals(roundStatus);
    }

    public boolean responded() {
        return respondedAt != null;
    }

    /** When the nominator's list last changed in the read model (null: never submitted). */
    public Instant listChangedAt() {
        return revisedAt != null ? revisedAt : respondedAt;
    }
}
