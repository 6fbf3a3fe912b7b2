package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationCommands.SendInvitationAgain;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An admin's "send again" for invitations of a round whose mail failed or may not have gone out: one
 * {@code SendInvitationAgain} per invitation, sent as that admin (so the event records who decided it); the
 * mail itself goes out through the outbox with a fresh link.
 */
@Component
public class InvitationResends {

    /** How many invitations were sent again, and the command side's reasons for those it refused. */
    public record Outcome(int sent, List<String> refused) {
    }

    private final AdminPages pages;

    InvitationResends(AdminPages pages) {
        this.pages = pages;
    }

    /** The round's contacts whose invitation may not have gone out, as the round page lists them. */
    public List<ContactView> uncertain(OrganisationId organisation, CampaignId campaign, int round) {
        return contacts(organisation, campaign, round, ContactView.UNCERTAIN).stream().filter(ContactView::uncertain)
                .toList();
    }

    /** Sends every listed uncertain invitation of the round again. */
    public Outcome sendAllAgain(OrganisationId organisation, CampaignId campaign, int round, Authentication admin) {
        int sent = 0;
        List<String> refused = new ArrayList<>();
        for (ContactView contact : uncertain(organisation, campaign, round)) {
            try {
                pages.send(new SendInvitationAgain(contact.invitationId(), organisation), admin);
                sent++;
            } catch (RuleViolation e) {
                refused.add(Refusals.text(e));
            }
        }
        return new Outcome(sent, refused);
    }

    /**
     * Sends one invitation of the round again; only one the page offers it for (failed or uncertain), so a
     * forged id of another round or campaign is refused here rather than resent.
     *
     * @throws RuleViolation when it is not in doubt, or the command side refuses
     */
    Optional<ContactView> sendAgain(OrganisationId organisation, CampaignId campaign, int round,
                                    InvitationId invitation, Authentication admin) {
        Optional<ContactView> contact = inDoubt(organisation, campaign, round).stream()
                .filter(c -> c.invitationId().equals(invitation)).findFirst();
        if (contact.isEmpty()) {
            throw RuleViolation.worded(Rule.MAIL_NOT_IN_DOUBT, AdminLanguage.text("flash.notResendable"));
        }
        pages.send(new SendInvitationAgain(invitation, organisation), admin);
        return contact;
    }

    private List<ContactView> inDoubt(OrganisationId organisation, CampaignId campaign, int round) {
        List<ContactView> all = new ArrayList<>(uncertain(organisation, campaign, round));
        contacts(organisation, campaign, round, "FAILED").stream().filter(ContactView::failed).forEach(all::add);
        return all;
    }

    private List<ContactView> contacts(OrganisationId organisation, CampaignId campaign, int round, String status) {
        return pages.queryList(new FindContacts(organisation, campaign, round, status), ContactView.class);
    }
}
