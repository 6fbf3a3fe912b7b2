package org.oostkit.wrt.domain.audit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSummariesTest {

    private static final InvitationId INVITATION = InvitationId.random();

    private static NominationSubmitted submitted(Nominee... nominees) {
        return new NominationSubmitted(OrganisationId.random(), CampaignId.random(), RoundId.random(), 2,
                NominationId.forInvitation(INVITATION), INVITATION, PersonId.random(), List.of(nominees));
    }

    @Test
    @DisplayName("a nomination lists each person with the reason given for them; none given, nothing added")
    void nomineesWithReasons() {
        assertThat(AuditSummaries.of(submitted(
                new Nominee(PersonId.random(), "Erin Walsh", "erin@acme.test", " runs the night shift "),
                new Nominee(PersonId.random(), "Frank Ode", "frank@acme.test", ""))))
                .isEqualTo("Round 2: nominated 2 people: Erin Walsh <erin@acme.test> "
                        + "(reason: \u201cruns the night shift\u201d), Frank Ode <frank@acme.test>");
    }

    @Test
    @DisplayName("after erasure the reason reads as erased, like the name")
    void erasedReason() {
        String erased = PersonalData.ERASED;
        assertThat(AuditSummaries.of(submitted(new Nominee(PersonId.random(), erased, erased, erased))))
                .isEqualTo("Round 2: nominated 1 person: [erased] <[erased]> (reason: \u201c[erased]\u201d)");
    }

    @Test
    @DisplayName("an empty list says so instead of \"nominated 0 people:\"")
    void emptyList() {
        assertThat(AuditSummaries.of(submitted())).isEqualTo("Round 2: nominated nobody (an empty list)");
        assertThat(AuditSummaries.of(new NominationRevised(OrganisationId.random(), CampaignId.random(),
                RoundId.random(), 1, NominationId.forInvitation(INVITATION), INVITATION, PersonId.random(), List.of())))
                .isEqualTo("Round 1: list revised to nobody (an empty list)");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("shortlist choices read as sentences, with the note")
    void shortlist() {
        var tenant = org.oostkit.wrt.api.organisation.OrganisationId.random();
        var campaign = org.oostkit.wrt.api.campaign.CampaignId.random();
        PersonId ann = PersonId.random();
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonShortlisted(tenant, campaign, ann,
                "Knows both unions"))).isEqualTo("Chosen for the workshop shortlist (person " + ann
                + "), note: \"Knows both unions\"");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonShortlisted(tenant, campaign, ann, "")))
                .endsWith(", no note");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist(tenant, campaign,
                ann))).isEqualTo("Taken off the workshop shortlist (person " + ann + ")");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.ShortlistClosed(tenant, campaign, 3)))
                .isEqualTo("Workshop shortlist closed as final with 3 people");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("campaign tools read as sentences: sender, set aside, brought back, remind now, sent again")
    void campaignTools() {
        var tenant = OrganisationId.random();
        var campaign = CampaignId.random();
        PersonId ann = PersonId.random();
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.CampaignSenderChanged(tenant, campaign,
                new org.oostkit.wrt.api.campaign.CampaignSender("Harbour Council", "", "", ""))))
                .isEqualTo("Who the mail comes from changed (sender name, reply-to, contact person)");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonSetAside(tenant, campaign, ann,
                "On leave"))).isEqualTo("Left out of the next round (person " + ann + "), note: \"On leave\"");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonBroughtBack(tenant, campaign, ann)))
                .isEqualTo("Brought back for the next round (person " + ann + ")");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.round.RemindNowRequested(tenant, campaign,
                RoundId.random(), 2))).isEqualTo("Round 2: everyone who has not answered reminded now");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.invitation.InvitationRepeatRequested(tenant, campaign,
                RoundId.random(), INVITATION))).startsWith("Invitation mail sent again to this person");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("selection mails read as sentences: asked for whom, with which message, and how they ended")
    void selectionMail() {
        var tenant = org.oostkit.wrt.api.organisation.OrganisationId.random();
        var campaign = org.oostkit.wrt.api.campaign.CampaignId.random();
        PersonId ann = PersonId.random();
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.SelectionMailRequested(tenant, campaign, ann,
                "Ann", "ann@x.test", "See you"))).startsWith("Selection mail asked for: ").contains("ann@x.test")
                .endsWith(", message: \"See you\"");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonToldOfSelection(tenant, campaign, ann,
                "<m@wrt>"))).isEqualTo("Selection mail sent (person " + ann + ")");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.SelectionMailNotSent(tenant, campaign, ann,
                "bounced before", false))).isEqualTo("Selection mail not sent (person " + ann + "): bounced before");
    }
}
