package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the HTTP session holds for a nominator (sessions are stored in PostgreSQL, so never a link token or a
 * code). Before the code: the invitation whose code was asked for and the address typed. After the code: the verified invitation, bound to the
 * organisation's slug and the round, so the session opens nothing else.
 */
final class NominatorSession {

    static final String PENDING = NominatorSession.class.getName() + ".pending";
    static final String VERIFIED = NominatorSession.class.getName() + ".verified";
    static final String SAVED = NominatorSession.class.getName() + ".saved";

    private NominatorSession() {
    }

    /** A code was asked for on this invitation's link, for the address typed; not yet proven. */
    record Pending(OrganisationId organisationId, String slug, InvitationId invitationId, String email)
            implements Serializable {
    }

    /** The nominator proved the invited address with the code. {@code email} is the invited address. */
    record Verified(OrganisationId organisationId, String slug, InvitationId invitationId, CampaignId campaignId,
                    RoundId roundId, PersonId personId, String email) implements Serializable {
    }

    /**
     * The list this session saved last, and when (just before the command). The read model follows a moment
     * later; until it has, the form shows this list rather than an older one.
     */
    record Saved(List<Person> people, Instant savedAt) implements Serializable {

        record Person(String name, String email, String reason) implements Serializable {
        }
    }
}
