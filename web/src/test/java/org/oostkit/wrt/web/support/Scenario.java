package org.oostkit.wrt.web.support;

import org.awaitility.Awaitility;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationsOfMember;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;

import java.time.Duration;
import java.util.List;

/** A small campaign with a round of nominations, driven through the command side. */
public final class Scenario {

    public final OrganisationId organisation;
    public final String slug;
    public final String adminEmail;
    public final Actor admin;
    public final CampaignId campaign;
    private final Wrt wrt;
    private final EventLog events;

    /**
     * A new organisation (admin {@code adminEmail}) and a campaign with the given seed people (name, email
     * pairs).
     */
    public Scenario(Wrt wrt, EventLog events, QueryGateway queries, String adminEmail, String... seeds) {
        this.wrt = wrt;
        this.events = events;
        this.adminEmail = adminEmail;
        this.admin = Actor.admin(adminEmail);
        this.organisation = wrt.organisation(adminEmail);
        this.campaign = wrt.campaign(organisation, admin, seeds);
        this.slug = slugOf(queries, organisation, adminEmail);
    }

    /** Another campaign in the same organisation. */
    public CampaignId anotherCampaign(String... seeds) {
        return wrt.campaign(organisation, admin, seeds);
    }

    public RoundId startRound() {
        return wrt.startRound(organisation, campaign, admin, Duration.ofDays(7));
    }

    public void closeRound(RoundId round) {
        wrt.send(new CloseRound(round, organisation), admin);
    }

    /** The person invited in the round with this address verifies it and names these people. */
    public void nominate(RoundId round, String email, NomineeInput... nominees) {
        ContactInvited invitation = events.payloads(ContactInvited.class,
                e -> e.roundId().equals(round) && e.email().equals(email)).get(0);
        Actor nominator = Actor.nominator(invitation.invitationId());
        wrt.send(new RecordLinkOpened(invitation.invitationId(), organisation), nominator);
        IssuedCode code = wrt.send(new RequestVerificationCode(invitation.invitationId(), organisation, email),
                nominator);
        wrt.send(new VerifyCode(invitation.invitationId(), organisation, code.code()), nominator);
        wrt.send(SubmitNominations.of(organisation, invitation.invitationId(), List.of(nominees)), nominator);
    }

    private static String slugOf(QueryGateway queries, OrganisationId organisation, String adminEmail) {
        // the registry is a read model: wait until it has the new organisation
        return Awaitility.await("organisation " + organisation + " in the registry").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> queries.query(new FindOrganisationsOfMember(adminEmail),
                                ResponseTypes.multipleInstancesOf(OrganisationView.class)).join().stream()
                        .filter(view -> view.organisationId().equals(organisation))
                        .map(OrganisationView::slug).findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
