package org.oostkit.wrt.query.support;

import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.InvitationCommands.IssueInvitationToken;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordDelivery;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailSent;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A campaign with two rounds, as a test script:
 * <pre>
 * seeds: Alice, Bob, Carol, Dan
 * round 1: Alice names Erin, Frank        (then revises to Erin, Frank, Gina)
 *          Bob   names Erin, Gina
 *          Carol names Erin, Frank, Alice
 *          Dan   does not answer; his mail soft-bounced, then bounced
 * round 1 closes. Round 2 asks Erin, Frank, Gina:
 *          Erin  names Ziggy, Gina, then corrects Ziggy to Hank (Ziggy leaves the roster)
 *          Frank names Hank
 * round 2 stays open.
 * </pre>
 * Distinct nominators: Erin 3, Gina 3, Frank 2, Hank 2, Alice 1.
 */
public final class ScriptedCampaign {

    public final OrganisationId organisation;
    public final CampaignId campaign;
    public final RoundId round1 = RoundId.random();
    public final RoundId round2 = RoundId.random();
    public final Actor admin;
    private final Wrt wrt;
    private final EventLog events;

    private ScriptedCampaign(Wrt wrt, EventLog events, String adminEmail) {
        this.wrt = wrt;
        this.events = events;
        this.admin = Actor.admin(adminEmail);
        this.organisation = wrt.organisation(adminEmail);
        this.campaign = wrt.campaign(organisation, admin, "Alice", "alice@acme.test", "Bob", "bob@acme.test",
                "Carol", "carol@acme.test", "Dan", "dan@acme.test");
    }

    public static ScriptedCampaign run(Wrt wrt, EventLog events, String adminEmail) {
        ScriptedCampaign script = new ScriptedCampaign(wrt, events, adminEmail);
        script.play();
        return script;
    }

    private void play() {
        wrt.send(new ChangeCampaignDetails(campaign, organisation, new CampaignSettings("Future of the plant",
                "Who should shape the new site?", 2, 14, true, 3, "Tell us who should be in the room.")), admin);
        wrt.send(new org.oostkit.wrt.api.campaign.CampaignCommands.StartRound(campaign, organisation, round1,
                Instant.now().plus(Duration.ofDays(10)), true, 3), admin);
        Map<String, ContactInvited> r1 = invited(round1);
        // every invitation gets its link; Alice's is issued again (the read model keeps the current one only)
        r1.values().forEach(c -> wrt.send(new IssueInvitationToken(c.invitationId(), organisation,
                tokenHash("first-" + c.invitationId()))));
        wrt.send(new IssueInvitationToken(r1.get("Alice").invitationId(), organisation,
                tokenHash("again-" + r1.get("Alice").invitationId())));
        r1.values().forEach(c -> wrt.send(new RecordMailSent(c.invitationId(), organisation, MailPurpose.INVITATION,
                "msg-" + c.invitationId())));
        wrt.send(new RecordDelivery(r1.get("Alice").invitationId(), organisation, DeliveryKind.DELIVERED, "postmark",
                "d-1", Instant.parse("2026-11-20T10:00:00Z")));
        wrt.send(new RecordDelivery(r1.get("Alice").invitationId(), organisation, DeliveryKind.OPENED, "postmark",
                "o-1", Instant.parse("2026-11-20T10:05:00Z")));
        wrt.send(new RecordDelivery(r1.get("Dan").invitationId(), organisation, DeliveryKind.SOFT_BOUNCED, "postmark",
                "s-1", Instant.parse("2026-11-20T10:00:30Z")));
        wrt.send(new RecordDelivery(r1.get("Dan").invitationId(), organisation, DeliveryKind.BOUNCED, "postmark",
                "b-1", Instant.parse("2026-11-20T10:01:00Z")));

        nominate(r1.get("Alice"), "alice@acme.test", person("Erin"), person("Frank"));
        nominate(r1.get("Bob"), "bob@acme.test", person("Erin"), person("Gina"));
        nominate(r1.get("Carol"), "carol@acme.test", person("Erin"), person("Frank"), person("Alice"));
        nominate(r1.get("Alice"), "alice@acme.test", person("Erin"), person("Frank"), person("Gina"));
        wrt.send(new CloseRound(round1, organisation), admin);

        wrt.send(new org.oostkit.wrt.api.campaign.CampaignCommands.StartRound(campaign, organisation, round2,
                Instant.now().plus(Duration.ofDays(10)), false, 0), admin);
        Map<String, ContactInvited> r2 = invited(round2);
        // Erin first mistypes Hank's address as a person "Ziggy", then corrects it: Ziggy leaves the roster
        nominate(r2.get("Erin"), "erin@acme.test", person("Ziggy"), person("Gina"));
        nominate(r2.get("Erin"), "erin@acme.test", person("Hank"), person("Gina"));
        nominate(r2.get("Frank"), "frank@acme.test", person("Hank"));
    }

    /** A stand-in for a token's keyed hash: 64 lower-case hex digits. */
    public static String tokenHash(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NomineeInput person(String name) {
        return new NomineeInput(name, name.toLowerCase() + "@acme.test", "because " + name + " knows the site");
    }

    public Map<String, ContactInvited> invited(RoundId round) {
        return events.payloads(ContactInvited.class, e -> e.roundId().equals(round)).stream()
                .collect(Collectors.toMap(ContactInvited::name, Function.identity()));
    }

    /** The nominator of the invitation verifies their address and submits these people. */
    public void nominate(ContactInvited invitation, String email, NomineeInput... nominees) {
        Actor nominator = verify(invitation, email);
        wrt.send(SubmitNominations.of(organisation, invitation.invitationId(), List.of(nominees)), nominator);
    }

    /** The nominator of the invitation verifies their address and answers that they have no one to suggest. */
    public void noOneToSuggest(ContactInvited invitation, String email) {
        Actor nominator = verify(invitation, email);
        wrt.send(SubmitNominations.noOneToSuggest(organisation, invitation.invitationId()), nominator);
    }

    private Actor verify(ContactInvited invitation, String email) {
        Actor nominator = Actor.nominator(invitation.invitationId());
        wrt.send(new RecordLinkOpened(invitation.invitationId(), organisation), nominator);
        IssuedCode code = wrt.send(new RequestVerificationCode(invitation.invitationId(), organisation, email), nominator);
        wrt.send(new VerifyCode(invitation.invitationId(), organisation, code.code()), nominator);
        return nominator;
    }
}
