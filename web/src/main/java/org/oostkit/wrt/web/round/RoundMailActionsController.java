package org.oostkit.wrt.web.round;

import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationMailCommands.ResendInvitation;
import org.oostkit.wrt.api.round.RoundMailCommands.RemindNow;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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

    RoundMailActionsController(AdminPages pages) {
        this.pages = pages;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/resend")
    String resend(@PathVariable String slug, @PathVariable UUID id, @PathVariable int number,
                  @RequestParam(required = false) UUID invitation, Authentication authentication,
                  RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        round(organisation, campaign, number);
        // only an invitation of this round: a forged id of another round or campaign is refused, not resent
        Optional<ContactView> contact = invitation == null ? Optional.empty()
                : pages.queryList(new FindContacts(organisation.organisationId(), campaign.campaignId(), number, null),
                        ContactView.class).stream().filter(c -> c.invitationId().value().equals(invitation)).findFirst();
        if (contact.isEmpty()) {
            return flash(redirect, slug, id, number, "warn", "That person was not invited in this round.");
        }
        try {
            pages.send(new ResendInvitation(new InvitationId(invitation), organisation.organisationId()),
                    authentication);
        } catch (RuleViolation refused) {
            return flash(redirect, slug, id, number, "warn", refused.getMessage());
        }
        return flash(redirect, slug, id, number, "ok", "The invitation is being sent again to " + who(contact.get())
                + " with a new link; the earlier links keep working while the round is open.");
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/remind-now")
    String remindNow(@PathVariable String slug, @PathVariable UUID id, @PathVariable int number,
                     Authentication authentication, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        RoundView round = round(organisation, campaign, number);
        try {
            pages.send(new RemindNow(round.roundId(), organisation.organisationId()), authentication);
        } catch (RuleViolation refused) {
            return flash(redirect, slug, id, number, "warn", refused.getMessage());
        }
        return flash(redirect, slug, id, number, "ok", "Everyone who has not answered is being reminded now, "
                + "each with a new link (not addresses that bounced or reported spam).");
    }

    private RoundView round(OrganisationView organisation, CampaignView campaign, int number) {
        RoundView round = pages.query(new FindRound(organisation.organisationId(), campaign.campaignId(), number),
                RoundView.class);
        if (round == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such round");
        }
        return round;
    }

    private static String who(ContactView contact) {
        return contact.name() == null || contact.name().isBlank() ? contact.email() : contact.name();
    }

    private static String flash(RedirectAttributes redirect, String slug, UUID id, int number, String kind,
                                String message) {
        redirect.addFlashAttribute("flash", Map.of("kind", kind, "message", message));
        return "redirect:/org/" + slug + "/campaigns/" + id + "/rounds/" + number;
    }
}
