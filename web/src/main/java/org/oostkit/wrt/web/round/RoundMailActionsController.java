package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationMailCommands.ResendInvitation;
import org.oostkit.wrt.api.round.RoundMailCommands.RemindNow;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Send again" to one person (a new link; earlier links keep working) and "remind everyone who has not answered
 * now", from the round page. Each is a decision recorded with the admin as actor; the mails go out through the
 * outbox, which skips suppressed addresses.
 */
@Controller
class RoundMailActionsController {

    private final AdminPages pages;
    private final RoundPages roundPages;

    RoundMailActionsController(AdminPages pages, RoundPages roundPages) {
        this.pages = pages;
        this.roundPages = roundPages;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/resend")
    String resend(@AdminOnly CampaignScope scope, @PathVariable int number,
                  @RequestParam(required = false) UUID invitation, Authentication authentication,
                  RedirectAttributes redirect) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        roundPages.round(scope, number);
        // only an invitation of this round: a forged id of another round or campaign is refused, not resent
        Optional<ContactView> contact = invitation == null ? Optional.empty()
                : pages.queryList(new FindContacts(organisation.organisationId(), campaign.campaignId(), number, null),
                        ContactView.class).stream().filter(c -> c.invitationId().value().equals(invitation)).findFirst();
        if (contact.isEmpty()) {
            return flash(redirect, scope, number, "warn", AdminLanguage.text("flash.notInvited"));
        }
        try {
            pages.send(new ResendInvitation(new InvitationId(invitation), organisation.organisationId()),
                    authentication);
        } catch (RuleViolation refused) {
            return flash(redirect, scope, number, "warn", Refusals.text(refused));
        }
        return flash(redirect, scope, number, "ok", AdminLanguage.text("flash.resentTo", who(contact.get())));
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/remind-now")
    String remindNow(@AdminOnly CampaignScope scope, @PathVariable int number,
                     Authentication authentication, RedirectAttributes redirect) {
        OrganisationView organisation = scope.organisation();
        RoundView round = roundPages.round(scope, number);
        try {
            pages.send(new RemindNow(round.roundId(), organisation.organisationId()), authentication);
        } catch (RuleViolation refused) {
            return flash(redirect, scope, number, "warn", Refusals.text(refused));
        }
        return flash(redirect, scope, number, "ok", AdminLanguage.text("flash.remindedNow"));
    }

    private static String who(ContactView contact) {
        return contact.name() == null || contact.name().isBlank() ? contact.email() : contact.name();
    }

    private static String flash(RedirectAttributes redirect, CampaignScope scope, int number, String kind,
                                String message) {
        redirect.addFlashAttribute("flash", Map.of("kind", kind, "message", message));
        return "redirect:" + scope.base() + "/rounds/" + number;
    }
}
