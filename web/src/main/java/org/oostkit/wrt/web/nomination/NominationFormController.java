package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.oostkit.wrt.web.nomination.NominatorPages.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The verified nominator's form: the list of people named, saving it, and the thank-you page. */
@Controller
@RequestMapping("/org/{slug}/nominate")
class NominationFormController {

    private final Nominators nominators;
    private final WrtMetrics metrics;
    private final NominatorLanguage language;

    NominationFormController(Nominators nominators, WrtMetrics metrics, NominatorLanguage language) {
        this.nominators = nominators;
        this.metrics = metrics;
        this.language = language;
    }

    /** The verified nominator and their invitation while its round is open. */
    private record OpenForm(NominatorSession.Verified nominator, InvitationView invitation) {
    }

    private OpenForm openForm(HttpSession session, String slug) {
        NominatorSession.Verified nominator = Nominators.verified(session, slug)
                .orElseThrow(NominatorProblem::sessionExpired);
        InvitationView invitation = nominators.invitation(nominator.organisationId(), nominator.invitationId())
                .orElseThrow(NominatorProblem::sessionExpired);
        if (!invitation.roundOpen()) {
            throw nominators.roundClosed(invitation, nominator.organisationId());
        }
        return new OpenForm(nominator, invitation);
    }

    @GetMapping("/form")
    String form(@PathVariable String slug, @RequestParam(required = false) String edit, Model model,
                HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        OpenForm open = openForm(session, slug);
        NominatorSession.Verified nominator = open.nominator();
        InvitationView invitation = open.invitation();
        NominatorSession.Saved saved = (NominatorSession.Saved) session.getAttribute(NominatorSession.SAVED);
        Instant changed = invitation.listChangedAt();
        NomineeRows rows;
        boolean responded;
        if (saved != null && (changed == null || changed.isBefore(saved.savedAt()))) {
            // the read model has not caught up with this session's last save yet: show what was saved
            rows = NomineeRows.of(saved);
            responded = true;
        } else {
            rows = NomineeRows.of(nominators.nominationsOf(nominator));
            responded = invitation.responded();
        }
        // coming back to a saved list: the people as a short list with "edit", the whole form on request
        boolean compact = edit == null && !rows.nobody();
        return NominatorPages.form(model, slug, invitation,
                nominators.zone(nominator.organisationId(), invitation), nominator, rows, new Page(responded, true, compact, false));
    }

    @PostMapping("/submit")
    String submit(@PathVariable String slug, @RequestParam(defaultValue = "save") String action, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        OpenForm open = openForm(session, slug);
        NominatorSession.Verified nominator = open.nominator();
        InvitationView invitation = open.invitation();
        boolean responded = invitation.responded();
        if ("none".equals(action)) {
            return save(slug, model, request, response, redirect, invitation, nominator, NomineeRows.blank(),
                    SubmitNominations.noOneToSuggest(nominator.organisationId(), nominator.invitationId()));
        }
        NomineeRows rows;
        try {
            rows = NomineeRows.posted(request.getParameterValues("name"), request.getParameterValues("email"),
                    request.getParameterValues("reason"), removed(request.getParameterValues("remove")));
        } catch (IllegalArgumentException tooMany) {
            throw new NominatorProblem(HttpStatus.BAD_REQUEST, "problem.tooLong.heading",
                    "problem.tooLong.message", "/org/" + slug + "/nominate/form", "problem.back");
        }
        if ("more".equals(action)) {
            rows.addBlank(NomineeRows.MORE_ROWS);
            return NominatorPages.form(model, slug, invitation,
                nominators.zone(nominator.organisationId(), invitation), nominator, rows, new Page(responded, false, false, false));
        }
        if (!rows.validate(nominator.email(), language.locale(request, invitation.campaignId().value()))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return NominatorPages.form(model, slug, invitation,
                nominators.zone(nominator.organisationId(), invitation), nominator, rows, new Page(responded, false, false, false));
        }
        if (rows.nobody()) {
            // an empty save is usually an accident: nothing is recorded; the page asks what was meant
            return confirmNobody(model, slug, invitation, nominator, rows, responded);
        }
        return save(slug, model, request, response, redirect, invitation, nominator, rows,
                SubmitNominations.of(nominator.organisationId(), nominator.invitationId(), rows.inputs()));
    }

    private String save(String slug, Model model, HttpServletRequest request, HttpServletResponse response,
                        RedirectAttributes redirect, InvitationView invitation, NominatorSession.Verified nominator,
                        NomineeRows rows, SubmitNominations command) {
        HttpSession session = request.getSession(false);
        Instant savedAt = Instant.now();
        try {
            nominators.send(command, nominator.invitationId());
        } catch (RuleViolation refused) {
            switch (refused.violated()) {
                case ROUND_CLOSED:
                    throw nominators.roundClosed(invitation, nominator.organisationId());
                case NOT_VERIFIED:
                case NOT_FOUND:
                    session.invalidate();
                    throw NominatorProblem.sessionExpired();
                case NOMINEES_EMPTY:
                    return confirmNobody(model, slug, invitation, nominator, rows, invitation.responded());
                default:
                    // the aggregate's checks are the ones repeated above (this is a safety net): its refusal in the
                    // page's language, from the rule and its values, next to the field it names
                    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                    rows.refused(NominatorRefusals.word(refused,
                            language.locale(request, invitation.campaignId().value())));
                    return NominatorPages.form(model, slug, invitation,
                nominators.zone(nominator.organisationId(), invitation), nominator, rows,
                            new Page(invitation.responded(), false, false, false));
            }
        }
        metrics.nominationSubmitted();
        session.setAttribute(NominatorSession.SAVED, rows.saved(savedAt));
        redirect.addFlashAttribute("named", rows.named());
        return "redirect:/org/" + slug + "/nominate/done";
    }

    private String confirmNobody(Model model, String slug, InvitationView invitation,
                                 NominatorSession.Verified nominator, NomineeRows rows, boolean responded) {
        rows.addBlank(Math.max(0, NomineeRows.START_ROWS - rows.rows().size()));
        return NominatorPages.form(model, slug, invitation,
                nominators.zone(nominator.organisationId(), invitation), nominator, rows, new Page(responded, false, false, true));
    }

    @GetMapping("/done")
    String done(@PathVariable String slug, Model model, HttpServletRequest request) {
        NominatorSession.Verified verified = Nominators.verified(request.getSession(false), slug)
                .orElseThrow(NominatorProblem::sessionExpired);
        if (!model.containsAttribute("named")) {
            // the list is shown from what was just saved (the read model may lag a moment); on a reload
            // the form shows the saved list instead
            return "redirect:/org/" + slug + "/nominate/form";
        }
        InvitationView invitation = nominators.invitation(verified.organisationId(), verified.invitationId())
                .orElseThrow(NominatorProblem::sessionExpired);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> named = (List<Map<String, String>>) model.getAttribute("named");
        model.addAttribute(NominatorLanguage.TITLE_KEY, "nominate.done.title");
        model.addAttribute("campaignName", invitation.campaignName());
        model.addAttribute(NominatorContact.CAMPAIGN, invitation.campaignId().value());
        model.addAttribute("nobody", named.isEmpty()); // only the explicit answer saves an empty list
        model.addAttribute(NominatorLanguage.NAMED_COUNT, named.size());
        NominatorPages.deadline(model, invitation, nominators.zone(verified.organisationId(), invitation));
        model.addAttribute("formHref", "/org/" + slug + "/nominate/form");
        model.addAttribute(NominatorPages.DRAFT_KEY, NominatorPages.draftKey(slug, verified));
        model.addAttribute("copyHref", "/org/" + slug + "/nominate/copy");
        return NominatorPages.DONE;
    }

    private static Set<Integer> removed(String[] values) {
        Set<Integer> removed = new HashSet<>();
        if (values != null) {
            for (String value : values) {
                try {
                    removed.add(Integer.parseInt(value));
                } catch (NumberFormatException ignored) {
                    // not a row of ours: nothing to remove
                }
            }
        }
        return removed;
    }
}
