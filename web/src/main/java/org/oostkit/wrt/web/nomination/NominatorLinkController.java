package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * The invitation link's landing. Opening the link consumes nothing (mail scanners open every link) and signs
 * in nobody (mails are forwarded): the nominator names the invited address and a code is mailed there. Wrong
 * addresses get the same answer as the right one, so the page tells nobody who was invited.
 */
@Controller
@RequestMapping("/org/{slug}/nominate")
class NominatorLinkController {

    private final Nominators nominators;
    private final CodeMails codeMails;

    NominatorLinkController(Nominators nominators, CodeMails codeMails) {
        this.nominators = nominators;
        this.codeMails = codeMails;
    }

    @GetMapping("/invalid")
    String invalid(@PathVariable String slug) {
        throw NominatorProblem.linkInvalid();
    }

    @GetMapping("/{token}")
    String open(@PathVariable String slug, @PathVariable String token, Model model, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Optional<OrganisationView> organisation = nominators.organisation(slug);
        Optional<InvitationView> invitation = organisation.flatMap(org -> nominators.invitationOfToken(org, token));
        if (invitation.isEmpty()) {
            throw nominators.pausedOrganisation(slug, token).map(NominatorProblem::paused)
                    .orElseGet(NominatorProblem::linkInvalid);
        }
        OrganisationId org = organisation.get().organisationId();
        InvitationView found = invitation.get();
        nominators.recordLinkOpened(org, found.invitationId());
        boolean signedIn = Nominators.verified(session, slug)
                .filter(v -> v.invitationId().equals(found.invitationId())).isPresent();
        if (!found.roundOpen()) {
            throw nominators.roundClosed(found, signedIn ? org : null);
        }
        if (signedIn) {
            return "redirect:/org/" + slug + "/nominate/form";
        }
        return NominatorPages.landing(model, slug, organisation.get(), found,
                nominators.zone(org, found), token, "", null);
    }

    @PostMapping("/request-link")
    String requestCode(@PathVariable String slug, @RequestParam(defaultValue = "") String token,
                       @RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        OrganisationView organisation = nominators.organisation(slug).orElseThrow(NominatorProblem::linkInvalid);
        InvitationView invitation = nominators.invitationOfToken(organisation, token)
                .orElseThrow(NominatorProblem::linkInvalid);
        return askForCode(slug, organisation, invitation, token, email, model, request, response);
    }

    /** The email form again, for the invitation whose code was asked for: to change the address or get a new code. */
    @GetMapping("/verify/again")
    String askAgain(@PathVariable String slug, Model model, HttpServletRequest request) {
        NominatorSession.Pending pending = Nominators.pending(request.getSession(false), slug)
                .orElseThrow(NominatorProblem::sessionExpired);
        OrganisationView organisation = nominators.organisation(slug).orElseThrow(NominatorProblem::sessionExpired);
        InvitationView invitation = nominators.invitation(pending.organisationId(), pending.invitationId())
                .orElseThrow(NominatorProblem::linkInvalid);
        if (!invitation.roundOpen()) {
            throw nominators.roundClosed(invitation, null);
        }
        return NominatorPages.landing(model, slug, organisation, invitation,
                nominators.zone(organisation.organisationId(), invitation), null, pending.email(), null);
    }

    @PostMapping("/verify/again")
    String requestCodeAgain(@PathVariable String slug, @RequestParam(defaultValue = "") String email, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        NominatorSession.Pending pending = Nominators.pending(request.getSession(false), slug)
                .orElseThrow(NominatorProblem::sessionExpired);
        OrganisationView organisation = nominators.organisation(slug).orElseThrow(NominatorProblem::sessionExpired);
        InvitationView invitation = nominators.invitation(pending.organisationId(), pending.invitationId())
                .orElseThrow(NominatorProblem::linkInvalid);
        return askForCode(slug, organisation, invitation, null, email, model, request, response);
    }

    /**
     * Asks for a code for the typed address and remembers the invitation and the address (never the link's
     * token: sessions are stored) for the code page. {@code token} is the link's, or null when asked again.
     */
    private String askForCode(String slug, OrganisationView organisation, InvitationView found, String token,
                              String email, Model model, HttpServletRequest request, HttpServletResponse response) {
        OrganisationId org = organisation.organisationId();
        if (!found.roundOpen()) {
            throw nominators.roundClosed(found, null);
        }
        String address = Emails.normalise(email);
        if (address.isEmpty() || !Emails.isValid(address)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return NominatorPages.landing(model, slug, organisation, found, nominators.zone(org, found), token, email,
                    address.isEmpty() ? "nominate.error.yourEmail" : "nominate.error.emailFormat");
        }
        codeMails.requestLater(org, found.invitationId(), address);
        HttpSession session = request.getSession(true);
        session.removeAttribute(NominatorSession.VERIFIED);
        session.removeAttribute(NominatorSession.SAVED);
        session.setAttribute(NominatorSession.PENDING,
                new NominatorSession.Pending(org, slug, found.invitationId(), address));
        // the code page names no campaign: it speaks the language of the one asked about here
        request.setAttribute(NominatorContact.CAMPAIGN, found.campaignId().value());
        return "redirect:/org/" + slug + "/nominate/verify";
    }
}
