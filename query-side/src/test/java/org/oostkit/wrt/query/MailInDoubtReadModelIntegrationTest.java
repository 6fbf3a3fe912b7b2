package org.oostkit.wrt.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailFailed;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailSent;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailUncertain;
import org.oostkit.wrt.api.invitation.InvitationCommands.SendInvitationAgain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.rebuild.ReadModelRebuild;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Contacts whose invitation may not have gone out are listed as uncertain, with the reason; sent again they
 * are pending once more, and a sent mail settles them. A rebuild writes the same rows.
 */
class MailInDoubtReadModelIntegrationTest extends ReadSideTestSupport {

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    TenantDirectory tenants;

    @Test
    @DisplayName("an uncertain invitation is listed, sent again it is pending, and a rebuild agrees")
    void uncertainContactsAreListed() {
        ScriptedCampaign script = scriptedCampaign("admin@in-doubt.test");
        Map<String, ContactInvited> round2 = script.invited(script.round2);
        ContactInvited erin = round2.get("Erin");
        ContactInvited frank = round2.get("Frank");
        ContactInvited gina = round2.get("Gina");
        wrt().send(new RecordMailUncertain(erin.invitationId(), script.organisation, MailPurpose.INVITATION,
                ScriptedCampaign.tokenHash("in-doubt-erin")));
        wrt().send(new RecordMailUncertain(frank.invitationId(), script.organisation, MailPurpose.INVITATION,
                ScriptedCampaign.tokenHash("in-doubt-frank")));
        wrt().send(new RecordMailFailed(gina.invitationId(), script.organisation, MailPurpose.INVITATION,
                "refused by the mail server: 550 no such user", true));
        projections().awaitCaughtUp();

        assertThat(contacts(script, "UNCERTAIN"))
                .extracting(ContactView::name, ContactView::deliveryStatus, ContactView::failureReason)
                .containsExactly(tuple("Erin", "UNCERTAIN", ContactView.UNCERTAIN_REASON),
                        tuple("Frank", "UNCERTAIN", ContactView.UNCERTAIN_REASON));
        assertThat(contacts(script, "FAILED")).extracting(ContactView::name, ContactView::failureReason)
                .containsExactly(tuple("Gina", "refused by the mail server: 550 no such user"));

        Actor admin = Actor.admin("admin@in-doubt.test");
        wrt().send(new SendInvitationAgain(erin.invitationId(), script.organisation), admin);
        wrt().send(new SendInvitationAgain(gina.invitationId(), script.organisation), admin);
        wrt().send(new RecordMailSent(frank.invitationId(), script.organisation, MailPurpose.INVITATION, "late"));
        projections().awaitCaughtUp();

        assertThat(contacts(script, null))
                .extracting(ContactView::name, ContactView::deliveryStatus, ContactView::failureReason)
                .contains(tuple("Erin", "PENDING", null), tuple("Frank", "SENT", null), tuple("Gina", "PENDING", null));
        assertThat(contacts(script, "UNCERTAIN")).isEmpty();

        wrt().send(new RecordMailUncertain(erin.invitationId(), script.organisation, MailPurpose.INVITATION,
                ScriptedCampaign.tokenHash("in-doubt-erin-again")));
        projections().awaitCaughtUp();
        Map<String, String> live = checksums(tenants.allSchemas());
        rebuild.rebuild(null, events -> { });
        assertThat(checksums(tenants.allSchemas())).isEqualTo(live);
        assertThat(contacts(script, "UNCERTAIN")).extracting(ContactView::name).containsExactly("Erin");
    }

    private List<ContactView> contacts(ScriptedCampaign script, String status) {
        return queries.query(new FindContacts(script.organisation, script.campaign, 2, status),
                ResponseTypes.multipleInstancesOf(ContactView.class)).join();
    }
}
