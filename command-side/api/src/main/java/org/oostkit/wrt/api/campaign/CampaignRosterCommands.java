package org.oostkit.wrt.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** Leaving people out of the next round and bringing them back (issue #17). */
public final class CampaignRosterCommands {

    /** The admin's optional note on why someone is set aside. */
    public static final TextRule NOTE = new TextRule("the note", 500, true);

    private CampaignRosterCommands() {
    }

    /**
     * Leaves a person who has not been asked yet out of the next rounds: they stay in the roster and can be
     * brought back. Setting aside someone already set aside changes nothing.
     */
    public record SetPersonAside(@TargetAggregateIdentifier CampaignId campaignId,
                                 OrganisationId organisationId,
                                 PersonId personId,
                                 String note) {
    }

    /** Brings a person set aside back: the next round asks them. Nothing happens for someone not set aside. */
    public record BringPersonBack(@TargetAggregateIdentifier CampaignId campaignId,
                                  OrganisationId organisationId,
                                  PersonId personId) {
    }
}
