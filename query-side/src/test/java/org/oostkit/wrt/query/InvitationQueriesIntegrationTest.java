package org.oostkit.wrt.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.IssueInvitationToken;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitation;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.NominationView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The nominator's read side on PostgreSQL: invitations by token hash, per tenant, and the current list. */
class InvitationQueriesIntegrationTest extends ReadSideTestSupport {

    private static final Actor ADMIN = Actor.admin("admin@tokens.test");

    @Autowired
    Secrets secrets;

    @Test
    @DisplayName("a link's token hash finds its invitation with the campaign's words and the open round")
    void findsTheInvitationOfACurrentToken() {
        OrganisationId org = wrt().organisation("admin@tokens.test");
        CampaignId campaign = wrt().campaign(org, ADMIN, "Alice", "alice@tokens.test", "Bob", "bob@tokens.test");
        RoundId round = wrt().startRound(org, campaign, ADMIN, Duration.ofDays(7));
        ContactInvited alice = invited(round, "Alice");
        String token = secrets.newToken();
        wrt().send(new IssueInvitationToken(alice.invitationId(), org, secrets.invitationTokenHash(token)));
        projections().awaitCaughtUp();

        InvitationView view = ask(new FindInvitationByTokenHash(org, secrets.invitationTokenHash(token)),
                InvitationView.class);

        assertThat(view.invitationId()).isEqualTo(alice.invitationId());
        assertThat(view.campaignId()).isEqualTo(campaign);
        assertThat(view.campaignName()).isEqualTo("Future of work");
        assertThat(view.roundId()).isEqualTo(round);
        assertThat(view.roundNumber()).isEqualTo(1);
        assertThat(view.roundOpen()).isTrue();
        assertThat(view.deadline()).isNotNull();
        assertThat(view.personId()).isEqualTo(alice.personId());
        assertThat(view.name()).isEqualTo("Alice");
        assertThat(view.email()).isEqualTo("alice@tokens.test");
        assertThat(view.verifiedAt()).isNull();
        assertThat(view.listChangedAt()).isNull();
        assertThat(ask(new FindInvitation(org, alice.invitationId()), InvitationView.class)).isEqualTo(view);

        wrt().send(new CloseRound(round, org), ADMIN);
        projections().awaitCaughtUp();
        assertThat(ask(new FindInvitationByTokenHash(org, secrets.invitationTokenHash(token)), InvitationView.class)
                .roundOpen()).isFalse();
    }

    @Test
    @DisplayName("every token sent finds its invitation until the round closes; an unknown one and another "
            + "organisation's token find nothing")
    void everyTokenOfThisOrganisation() {
        OrganisationId org = wrt().organisation("admin@tokens.test");
        CampaignId campaign = wrt().campaign(org, ADMIN, "Alice", "alice@tokens.test");
        ContactInvited alice = invited(wrt().startRound(org, campaign, ADMIN, Duration.ofDays(7)), "Alice");
        OrganisationId other = wrt().organisation("admin@other.test");
        CampaignId otherCampaign = wrt().campaign(other, Actor.admin("admin@other.test"), "Zoe", "zoe@other.test");
        ContactInvited zoe = invited(wrt().startRound(other, otherCampaign, Actor.admin("admin@other.test"),
                Duration.ofDays(7)), "Zoe");
        String first = secrets.newToken();
        String second = secrets.newToken();
        String theirs = secrets.newToken();
        wrt().send(new IssueInvitationToken(alice.invitationId(), org, secrets.invitationTokenHash(first)));
        wrt().send(new IssueInvitationToken(alice.invitationId(), org, secrets.invitationTokenHash(second)));
        wrt().send(new IssueInvitationToken(zoe.invitationId(), other, secrets.invitationTokenHash(theirs)));
        projections().awaitCaughtUp();

        assertThat(byToken(org, first).invitationId()).isEqualTo(alice.invitationId());
        assertThat(byToken(org, second).invitationId()).isEqualTo(alice.invitationId());
        assertThat(byToken(org, secrets.newToken())).isNull();
        assertThat(byToken(org, theirs)).isNull();
        assertThat(byToken(other, theirs).invitationId()).isEqualTo(zoe.invitationId());
        assertThat(ask(new FindInvitationByTokenHash(org, "not a hash"), InvitationView.class)).isNull();
        assertThat(ask(new FindInvitation(org, zoe.invitationId()), InvitationView.class)).isNull();

        wrt().send(new CloseRound(alice.roundId(), org), ADMIN);
        projections().awaitCaughtUp();
        assertThat(byToken(org, first).roundOpen()).isFalse();
        assertThat(byToken(org, second).roundOpen()).isFalse();
    }

    @Test
    @DisplayName("the nominator's list is their latest one, in the order people were first named")
    void currentListOfANominator() {
        OrganisationId org = wrt().organisation("admin@tokens.test");
        CampaignId campaign = wrt().campaign(org, ADMIN, "Alice", "alice@tokens.test", "Bob", "bob@tokens.test");
        RoundId round = wrt().startRound(org, campaign, ADMIN, Duration.ofDays(7));
        ContactInvited alice = invited(round, "Alice");
        ContactInvited bob = invited(round, "Bob");
        verify(org, alice, "alice@tokens.test");
        verify(org, bob, "bob@tokens.test");
        submit(org, alice, new NomineeInput("Erin", "erin@tokens.test", "runs the night shift"),
                new NomineeInput("Frank", "frank@tokens.test", ""));
        submit(org, bob, new NomineeInput("Gina", "gina@tokens.test", ""));
        submit(org, alice, new NomineeInput("Frank", "frank@tokens.test", "knows the suppliers"),
                new NomineeInput("Hank", "hank@tokens.test", ""));
        projections().awaitCaughtUp();

        List<NominationView> list = queries.query(new FindNominationsOf(org, campaign, alice.personId()),
                ResponseTypes.multipleInstancesOf(NominationView.class)).join();

        assertThat(list).extracting(NominationView::name).containsExactly("Frank", "Hank");
        assertThat(list).extracting(NominationView::email).containsExactly("frank@tokens.test", "hank@tokens.test");
        assertThat(list).extracting(NominationView::reason).containsExactly("knows the suppliers", "");
        assertThat(list).extracting(NominationView::roundNumber).containsOnly(1);
        InvitationView invitation = ask(new FindInvitation(org, alice.invitationId()), InvitationView.class);
        assertThat(invitation.responded()).isTrue();
        assertThat(invitation.revisedAt()).isAfter(invitation.respondedAt());
        assertThat(invitation.listChangedAt()).isEqualTo(invitation.revisedAt());
        assertThat(ask(new FindInvitation(org, bob.invitationId()), InvitationView.class).listChangedAt())
                .isEqualTo(ask(new FindInvitation(org, bob.invitationId()), InvitationView.class).respondedAt())
                .isNotNull();
        assertThat(queries.query(new FindNominationsOf(wrt().organisation("admin@tokens.test"), campaign,
                alice.personId()), ResponseTypes.multipleInstancesOf(NominationView.class)).join()).isEmpty();
    }

    @Test
    @DisplayName("the nominator's list keeps the order they chose, also after an edit that reorders it")
    void orderKept() {
        OrganisationId org = wrt().organisation("admin@order.test");
        CampaignId campaign = wrt().campaign(org, ADMIN, "Alice", "alice@order.test", "Bob", "bob@order.test");
        RoundId round = wrt().startRound(org, campaign, ADMIN, Duration.ofDays(7));
        ContactInvited alice = invited(round, "Alice");
        verify(org, alice, "alice@order.test");
        submit(org, alice, new NomineeInput("Zoe", "zoe@order.test", ""), new NomineeInput("Mia", "mia@order.test", ""),
                new NomineeInput("Abe", "abe@order.test", ""));
        projections().awaitCaughtUp();
        assertThat(listOf(org, campaign, alice)).containsExactly("Zoe", "Mia", "Abe");

        submit(org, alice, new NomineeInput("Mia", "mia@order.test", ""), new NomineeInput("Zoe", "zoe@order.test", ""),
                new NomineeInput("Abe", "abe@order.test", ""), new NomineeInput("Dan", "dan@order.test", ""));
        projections().awaitCaughtUp();
        assertThat(listOf(org, campaign, alice)).containsExactly("Mia", "Zoe", "Abe", "Dan");
    }

    private List<String> listOf(OrganisationId org, CampaignId campaign, ContactInvited nominator) {
        return queries.query(new FindNominationsOf(org, campaign, nominator.personId()),
                ResponseTypes.multipleInstancesOf(NominationView.class)).join().stream().map(NominationView::name)
                .toList();
    }

    private InvitationView byToken(OrganisationId org, String token) {
        return ask(new FindInvitationByTokenHash(org, secrets.invitationTokenHash(token)), InvitationView.class);
    }

    private ContactInvited invited(RoundId round, String name) {
        return events().payloads(ContactInvited.class, e -> e.roundId().equals(round) && e.name().equals(name))
                .get(0);
    }

    private void verify(OrganisationId org, ContactInvited invitation, String email) {
        Actor nominator = Actor.nominator(invitation.invitationId());
        IssuedCode code = wrt().send(new RequestVerificationCode(invitation.invitationId(), org, email), nominator);
        wrt().send(new VerifyCode(invitation.invitationId(), org, code.code()), nominator);
    }

    private void submit(OrganisationId org, ContactInvited invitation, NomineeInput... nominees) {
        wrt().send(SubmitNominations.of(org, invitation.invitationId(), List.of(nominees)),
                Actor.nominator(invitation.invitationId()));
    }
}
