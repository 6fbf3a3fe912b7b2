package org.oostkit.wrt.domain;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.IssueInvitationToken;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.VerificationOutcome;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.invitation.Invitation;
import org.oostkit.wrt.domain.security.KeyedHasher;
import org.oostkit.wrt.domain.security.SecretGenerator;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference design's example, end to end on PostgreSQL, and what the event store holds afterwards. */
class ReferralFlowIntegrationTest extends IntegrationTestSupport {

    @Autowired
    KeyedHasher hasher;
    @Autowired
    SecretGenerator secrets;

    @Test
    @DisplayName("round 1 asks Alice and Bob; Alice names Carol; round 2 asks only Carol; no secret or email in the store")
    void referralChain() {
        Actor admin = Actor.admin("admin@flow.test");
        OrganisationId org = wrt().organisation("admin@flow.test");
        CampaignId campaign = wrt().campaign(org, admin, "Alice", "alice@example.org", "Bob", "bob@example.org");

        RoundId round1 = RoundId.random();
        int number = wrt().send(new StartRound(campaign, org, round1, Instant.now().plus(Duration.ofDays(7)), true, 3),
                admin);
        assertThat(number).isEqualTo(1);
        List<ContactInvited> invited1 = events().payloads(ContactInvited.class, e -> e.roundId().equals(round1));
        assertThat(invited1).extracting(ContactInvited::email)
                .containsExactlyInAnyOrder("alice@example.org", "bob@example.org");

        ContactInvited alice = invited1.stream().filter(i -> i.name().equals("Alice")).findFirst().orElseThrow();
        String token = secrets.token();
        wrt().send(new IssueInvitationToken(alice.invitationId(), org, Invitation.tokenHash(hasher, token)));
        Actor nominator = Actor.nominator(alice.invitationId());
        IssuedCode code = wrt().send(new RequestVerificationCode(alice.invitationId(), org, " Alice@Example.ORG "),
                nominator);
        VerificationOutcome outcome = wrt().send(new VerifyCode(alice.invitationId(), org, code.code()), nominator);
        assertThat(outcome).isEqualTo(VerificationOutcome.VERIFIED);
        // first with a mistyped address, then corrected: the mistyped person leaves the roster again
        wrt().send(SubmitNominations.of(org, alice.invitationId(),
                List.of(new NomineeInput("Carol", "karol@example.org", "knows the shop floor"))), nominator);
        wrt().send(SubmitNominations.of(org, alice.invitationId(),
                List.of(new NomineeInput("Carol", "carol@example.org", "knows the shop floor"))), nominator);
        assertThat(events().payloads(PersonNominatedIntoCampaign.class, e -> e.campaignId().equals(campaign)))
                .extracting(PersonNominatedIntoCampaign::email).containsExactly("karol@example.org", "carol@example.org");
        assertThat(events().payloads(PersonDroppedFromRoster.class, e -> e.campaignId().equals(campaign))).hasSize(1);

        wrt().send(new CloseRound(round1, org), admin);
        assertThatThrownBy(() -> wrt().send(SubmitNominations.of(org, alice.invitationId(),
                List.of(new NomineeInput("Dan", "dan@example.org", ""))), nominator))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("closed");

        RoundId round2 = RoundId.random();
        int second = wrt().send(new StartRound(campaign, org, round2, Instant.now().plus(Duration.ofDays(7)), false, 0),
                admin);
        assertThat(second).isEqualTo(2);
        assertThat(events().payloads(ContactInvited.class, e -> e.roundId().equals(round2)))
                .extracting(ContactInvited::email).containsExactly("carol@example.org");

        assertThatThrownBy(() -> wrt().send(new StartRound(campaign, org, RoundId.random(),
                Instant.now().plus(Duration.ofDays(7)), false, 0), admin))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.violated()).isEqualTo(Rule.ROUND_OPEN));

        String store = storeAsText();
        assertThat(store).contains("wrt:v1:") // personal data is there, encrypted
                .doesNotContain(token)
                .doesNotContain("alice@example.org").doesNotContain("bob@example.org")
                .doesNotContain("carol@example.org").doesNotContain("karol@example.org")
                .doesNotContain("admin@flow.test")
                .doesNotContain("knows the shop floor").doesNotContain("\"Alice\"").doesNotContain("\"Carol\"");
        assertThat(store).doesNotContain("\"" + code.code() + "\"");
    }

    @Test
    @DisplayName("every event records its tenant, its actor and a correlation id")
    void metadataOnEveryEvent() {
        Actor admin = Actor.admin("meta@flow.test");
        OrganisationId org = wrt().organisation("meta@flow.test");
        CampaignId campaign = wrt().campaign(org, admin, "Eve", "eve@example.org");
        wrt().startRound(org, campaign, admin, Duration.ofDays(3));

        List<? extends TrackedEventMessage<?>> ofThisOrg = events().all().stream()
                .filter(e -> org.toString().equals(e.getMetaData().get("tenant")))
                .toList();
        assertThat(ofThisOrg).hasSizeGreaterThanOrEqualTo(6);
        assertThat(ofThisOrg).allSatisfy(e -> {
            assertThat(e.getMetaData()).containsKeys("actor", "tenant", "correlationId", "traceId");
        });
        assertThat(ofThisOrg.get(0).getMetaData().get("actor")).isEqualTo("operator");
        assertThat(ofThisOrg.stream().skip(1).map(e -> e.getMetaData().get("actor")).distinct())
                .containsExactly("admin:meta@flow.test");
        assertThat(storeAsText()).doesNotContain("meta@flow.test");
    }

    private String storeAsText() {
        List<String> rows = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') || ' ' || "
                + "coalesce(convert_from(metadata, 'UTF8'), '') FROM domainevententry", String.class);
        return String.join("\n", rows);
    }

}
