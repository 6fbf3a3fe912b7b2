package org.oostkit.wrt.query.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events may leave writes to the end of their batch: those whose every read-model handler is marked.
 * Anything that reads or overwrites what waiting writes set (the roster leaving, erasure, the delivery status
 * from failures and the provider) must see those writes made first.
 */
class ReadModelWritesTest extends ReadSideTestSupport {

    @Autowired
    ReadModelWrites writes;

    @Test
    @DisplayName("the high-volume answers and contact steps wait; roster changes, erasure and delivery news do not")
    void deferringEvents() {
        assertThat(writes.deferring()).containsExactlyInAnyOrder(ContactInvited.class, InvitationTokenIssued.class,
                MailSent.class, InvitationLinkOpened.class, VerificationCodeIssued.class, NominatorVerified.class,
                NominationSubmitted.class, NominationRevised.class, PersonNominatedIntoCampaign.class);
        assertThat(writes.deferring()).doesNotContain(PersonDroppedFromRoster.class, SeedPersonRemoved.class,
                SeedPersonAdded.class, PersonErased.class, CampaignErased.class, PeopleContacted.class,
                MailFailed.class, DeliveryRecorded.class, RoundStarted.class, RoundClosed.class);
    }
}
