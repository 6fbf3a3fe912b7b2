package org.oostkit.wrt.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** Commands on the Campaign aggregate about how it mails its nominators (issue #17). */
public final class CampaignMailCommands {

    private CampaignMailCommands() {
    }

    /** Sets the sender name, reply-to address and contact person; nothing is recorded when nothing changes. */
    public record ChangeCampaignSender(@TargetAggregateIdentifier CampaignId campaignId,
                                       OrganisationId organisationId,
                                       CampaignSender sender) {
    }

    /** Sets the language nominators are addressed in: one of {@link CampaignLanguage#SUPPORTED}. */
    public record ChangeCampaignLanguage(@TargetAggregateIdentifier CampaignId campaignId,
                                         OrganisationId organisationId,
                                         String language) {
    }
}
