package org.oostkit.wrt.domain.invitation;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's invitation lookups, written in one batch per round start. */
class InvitationDirectoryIntegrationTest extends IntegrationTestSupport {

    @Autowired
    InvitationDirectory directory;
    @Autowired
    EventBus eventBus;
    @Autowired
    TransactionManager transactions;

    @Test
    @DisplayName("a round start's invitations are all in the directory when the command returns")
    void roundStart() {
        Actor admin = Actor.admin("admin@directory.test");
        OrganisationId org = wrt().organisation("admin@directory.test");
        CampaignId campaign = wrt().campaign(org, admin, "Ann", "ann@directory.test", "Ben", "ben@directory.test",
                "Cy", "cy@directory.test");
        RoundId round = wrt().startRound(org, campaign, admin, Duration.ofDays(7));

        List<ContactInvited> invited = events().payloads(ContactInvited.class, e -> e.roundId().equals(round));
        assertThat(invited).hasSize(3);
        for (ContactInvited contact : invited) {
            assertThat(directory.find(contact.invitationId())).get().satisfies(entry -> {
                assertThat(entry.campaignId()).isEqualTo(campaign);
                assertThat(entry.roundId()).isEqualTo(round);
                assertThat(entry.personId()).isEqualTo(contact.personId());
                assertThat(entry.verified()).isFalse();
            });
        }
    }

    @Test
    @DisplayName("a token issued in the same unit of work as its invitation finds the invitation's row")
    void tokenInTheSameBatch() {
        OrganisationId org = OrganisationId.random();
        CampaignId campaign = CampaignId.random();
        InvitationId invitation = InvitationId.random();
        String hash = "ab".repeat(32);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventBus.publish(
                GenericEventMessage.asEventMessage(new ContactInvited(org, campaign, RoundId.random(), 1, invitation,
                        PersonId.random(), "Dee", "dee@directory.test")).andMetaData(Map.of(Actor.TENANT_KEY,
                        org.value().toString())),
                GenericEventMessage.asEventMessage(new InvitationTokenIssued(org, campaign, invitation, hash))
                        .andMetaData(Map.of(Actor.TENANT_KEY, org.value().toString()))));

        assertThat(directory.findByTokenHash(hash)).get()
                .extracting(InvitationDirectory.Entry::invitationId).isEqualTo(invitation);
    }

    @Test
    @DisplayName("a reminder's token does not retire the invitation's: every link sent finds the invitation")
    void everyTokenFindsTheInvitation() {
        OrganisationId org = OrganisationId.random();
        CampaignId campaign = CampaignId.random();
        InvitationId invitation = InvitationId.random();
        String first = "cd".repeat(32);
        String reminder = "ef".repeat(32);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventBus.publish(
                GenericEventMessage.asEventMessage(new ContactInvited(org, campaign, RoundId.random(), 1, invitation,
                        PersonId.random(), "Eve", "eve@directory.test")).andMetaData(Map.of(Actor.TENANT_KEY,
                        org.value().toString())),
                GenericEventMessage.asEventMessage(new InvitationTokenIssued(org, campaign, invitation, first))
                        .andMetaData(Map.of(Actor.TENANT_KEY, org.value().toString())),
                GenericEventMessage.asEventMessage(new InvitationTokenIssued(org, campaign, invitation, reminder))
                        .andMetaData(Map.of(Actor.TENANT_KEY, org.value().toString()))));

        assertThat(directory.findByTokenHash(first)).get()
                .extracting(InvitationDirectory.Entry::invitationId).isEqualTo(invitation);
        assertThat(directory.findByTokenHash(reminder)).get()
                .extracting(InvitationDirectory.Entry::invitationId).isEqualTo(invitation);
    }
}
