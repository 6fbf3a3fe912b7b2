package org.oostkit.wrt.domain.nomination;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddNominees;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.NomineeEntry;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.domain.infrastructure.ProcessingGroups;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every nominee joins the campaign roster in the transaction of the nomination (a subscribing processor),
 * so a round started right after a nomination contacts the nominee, and a failure undoes both; a person
 * taken off every list before being asked leaves it the same way.
 */
@Component
@ProcessingGroup(ProcessingGroups.ROSTER_POLICY)
class NomineeRosterPolicy {

    private final CommandGateway commands;

    NomineeRosterPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(NominationSubmitted event) {
        updateRoster(event.campaignId(), event.organisationId(), event.nominatorId(), event.roundNumber(),
                event.nominees());
    }

    @EventHandler
    void on(NominationRevised event) {
        updateRoster(event.campaignId(), event.organisationId(), event.nominatorId(), event.roundNumber(),
                event.nominees());
    }

    /** The whole list goes to the campaign, even when empty: a withdrawn name may leave the roster. */
    private void updateRoster(CampaignId campaignId, OrganisationId organisationId, PersonId nominator,
                              int roundNumber, List<Nominee> nominees) {
        List<NomineeEntry> entries = nominees.stream()
                .map(n -> new NomineeEntry(n.personId(), n.name(), n.email()))
                .toList();
        commands.sendAndWait(new AddNominees(campaignId, organisationId, nominator, roundNumber, entries));
    }
}
