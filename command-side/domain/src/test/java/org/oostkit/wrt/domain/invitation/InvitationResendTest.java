package org.oostkit.wrt.domain.invitation;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailSent;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailUncertain;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationMailCommands.ResendInvitation;
import org.oostkit.wrt.api.invitation.InvitationRepeatRequested;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryRoundDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport;

import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Invitation: send again and remind now (issue #17)")
class InvitationResendTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND = RoundId.random();
    private static final InvitationId INVITATION = InvitationId.random();
    private static final String HASH_1 = "1".repeat(64);
    private static final String HASH_2 = "2".repeat(64);
    private static final String HASH_3 = "3".repeat(64);

    private AggregateTestFixture<Invitation> fixture;
    private InMemoryRoundDirectory rounds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
        rounds = new InMemoryRoundDirectory().open(ROUND, 1);
        fixture.registerInjectableResource(rounds);
    }

    private static ContactInvited invited() {
        PersonId nora = FixtureSupport.identities().personId(CAMPAIGN, "nora@example.org");
        return new ContactInvited(ORG, CAMPAIGN, ROUND, 1, INVITATION, nora, "Nora", "nora@example.org");
    }

    private static Object[] delivered() {
        return new Object[]{invited(), new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, HASH_1),
                new MailSent(ORG, CAMPAIGN, INVITATION, MailPurpose.INVITATION, "<first@wrt.mail>")};
    }

    @Test
    @DisplayName("a delivered invitation is sent again as a repeat, as often as an admin decides")
    void repeatsDelivered() {
        fixture.given(delivered())
                .andGiven(new InvitationRepeatRequested(ORG, CAMPAIGN, ROUND, INVITATION))
                .when(new ResendInvitation(INVITATION, ORG))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InvitationRepeatRequested(ORG, CAMPAIGN, ROUND, INVITATION));
    }

    @Test
    @DisplayName("a first mail in doubt goes the existing send-again way")
    void inDoubtGoesTheOldWay() {
        fixture.given(invited(), new MailOutcomeUncertain(ORG, CAMPAIGN, INVITATION, MailPurpose.INVITATION))
                .when(new ResendInvitation(INVITATION, ORG))
                .expectEvents(new InvitationResendRequested(ORG, CAMPAIGN, ROUND, INVITATION));
    }

    @Test
    @DisplayName("an invitation still on its way, a closed round and another organisation are refused")
    void refusals() {
        fixture.given(invited())
                .when(new ResendInvitation(INVITATION, ORG))
                .expectException(violation(Rule.INVITATION_ON_ITS_WAY));
        rounds.closed(ROUND, 1);
        fixture.given(delivered())
                .when(new ResendInvitation(INVITATION, ORG))
                .expectException(violation(Rule.ROUND_CLOSED))
                .expectNoEvents();
        fixture.given(delivered())
                .when(new ResendInvitation(INVITATION, OrganisationId.random()))
                .expectException(NotFound.class);
    }

    @Test
    @DisplayName("each repeated mail issues its new token and is recorded once, by its message id")
    void repeatedMailsRecordedOnce() {
        fixture.given(delivered())
                .andGiven(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, HASH_2),
                        new MailSent(ORG, CAMPAIGN, INVITATION, MailPurpose.RESEND, "<second@wrt.mail>"))
                .when(new RecordMailSent(INVITATION, ORG, MailPurpose.RESEND, "<second@wrt.mail>", HASH_2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(delivered())
                .andGiven(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, HASH_2),
                        new MailSent(ORG, CAMPAIGN, INVITATION, MailPurpose.RESEND, "<second@wrt.mail>"))
                .when(new RecordMailSent(INVITATION, ORG, MailPurpose.RESEND, "<third@wrt.mail>", HASH_3))
                .expectEvents(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, HASH_3),
                        new MailSent(ORG, CAMPAIGN, INVITATION, MailPurpose.RESEND, "<third@wrt.mail>"));
        fixture.given(delivered())
                .when(new RecordMailSent(INVITATION, ORG, MailPurpose.REMINDER_NOW, "<now@wrt.mail>", HASH_2))
                .expectEvents(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, HASH_2),
                        new MailSent(ORG, CAMPAIGN, INVITATION, MailPurpose.REMINDER_NOW, "<now@wrt.mail>"));
    }

    @Test
    @DisplayName("a repeated mail in doubt issues its token once")
    void repeatedUncertainOnce() {
        fixture.given(delivered())
                .when(new RecordMailUncertain(INVITATION, ORG, MailPurpose.RESEND, HASH_2))
                .expectEvents(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, HASH_2),
                        new MailOutcomeUncertain(ORG, CAMPAIGN, INVITATION, MailPurpose.RESEND));
        fixture.given(delivered())
                .andGiven(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, HASH_2),
                        new MailOutcomeUncertain(ORG, CAMPAIGN, INVITATION, MailPurpose.RESEND))
                .when(new RecordMailUncertain(INVITATION, ORG, MailPurpose.RESEND, HASH_2))
                .expectNoEvents();
    }
}
