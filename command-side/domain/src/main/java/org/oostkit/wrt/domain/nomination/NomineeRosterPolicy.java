package org.oostkit.wrt.domain.nomination;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddNominees;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.NomineeEntry;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.domain.infrastructure.ProcessingGroups;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every nominee joins the campaign roster in the transaction of the nomination (a subscribing processor),
 * so a round started right after a nomination contacts the nominee, and a failure undoes both.
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
        addToRoster(event.campaignId(), event.organisationId(), event.roundNumber(), event.nominees());
    }

    @EventHandler
    void on(NominationRevised event) {
        addToRoster(event.campaignId(), event.organisationId(), event.roundNumber(), event.nominees());
    }

    private void addToRoster(CampaignId campaignId, OrganisationId organisationId, int roundNumber,
                             List<Nominee> nominees) {
        if (nominees.isEmpty()) {
            return;
        }
        List<NomineeEntry> entries = nominees.stream()
                .map(n -> new NomineeEntry(n.personId(), n.name(), n.email()))
                .toList();
        commands.sendAndWait(new AddNominees(campaignId, organisationId, roundNumber, entries));
    }
}
