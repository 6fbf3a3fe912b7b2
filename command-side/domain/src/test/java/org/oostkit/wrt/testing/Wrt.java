package org.oostkit.wrt.testing;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Drives the command side the way the application does: commands with an actor. */
public class Wrt {

    private final CommandGateway commands;

    public Wrt(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command) {
        return send(command, Actor.SYSTEM);
    }

    public <R> R send(Object command, Actor actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()));
    }

    /** A new active organisation with a unique slug and one admin. */
    public OrganisationId organisation(String admin) {
        OrganisationId id = OrganisationId.random();
        send(new RegisterOrganisation(id, "org-" + UUID.randomUUID().toString().substring(0, 8), "Test organisation",
                List.of(admin), List.of()), Actor.OPERATOR);
        return id;
    }

    /** A new campaign with the given seed people ("Name <email>" pairs as name, email, name, email …). */
    public CampaignId campaign(OrganisationId organisation, Actor admin, String... nameEmailPairs) {
        CampaignId id = CampaignId.random();
        send(new CreateCampaign(id, organisation, CampaignSettings.named("Future of work")), admin);
        for (int i = 0; i < nameEmailPairs.length; i += 2) {
            send(new AddSeedPerson(id, organisation, nameEmailPairs[i], nameEmailPairs[i + 1]), admin);
        }
        return id;
    }

    public RoundId startRound(OrganisationId organisation, CampaignId campaign, Actor admin, Duration length) {
        RoundId round = RoundId.random();
        send(new StartRound(campaign, organisation, round, Instant.now().plus(length), false, 0), admin);
        return round;
    }
}
