package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.VerificationOutcome;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.regex.Pattern;

/** The code check: the right code opens a session for this invitation only. */
@Controller
@RequestMapping("/org/{slug}/nominate")
class NominatorVerificationController {

    private static final Pattern CODE_FORMAT = Pattern.compile("^[0-9]{6}$");

    private final Nominators nominators;
    private final WrtMetrics metrics;

    NominatorVerificationController(Nominators nominators, WrtMetrics metrics) {
        this.nominators = nominators;
        this.metrics = metrics;
    }

    @GetMapping("/verify")
    String codeForm(@PathVariable String slug, Model model, HttpServletRequest request) {
        NominatorSession.Pending pending = Nominators.pending(request.getSession(false), slug)
                .orElseThrow(NominatorProblem::sessionExpired);
        return NominatorPages.code(model, slug, pending, "", null);
    }

    @PostMapping("/verify/code")
    String verifyCode(@PathVariable String slug, @RequestParam(defaultValue = "") String code, Model model,
                      HttpServletRequest request, HttpServletResponse response) {
        NominatorSession.Pending asked = Nominators.pending(request.getSession(false), slug)
                .orElseThrow(NominatorProblem::sessionExpired);
        String entered = code.replaceAll("[\\s-]", "");
        if (!CODE_FORMAT.matcher(entered).matches()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return NominatorPages.code(model, slug, asked, code, "nominate.error.codeFormat");
        }
        VerificationOutcome outcome;
        try {
            outcome = nominators.send(new VerifyCode(asked.invitationId(), asked.organisationId(), entered),
                    asked.invitationId());
        } catch (RuleViolation refused) {
            throw NominatorProblem.linkInvalid();
        }
        String newCode = "/org/" + slug + "/nominate/verify/again";
        switch (outcome) {
            case VERIFIED:
                return signIn(slug, asked, request);
            case WRONG_CODE:
                metrics.codeFailed();
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return NominatorPages.code(model, slug, asked, code, "nominate.error.codeWrong");
            case SUPERSEDED:
                // an older code of ours: no guess, so it costs no attempt; the newest mail has the one that works
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return NominatorPages.code(model, slug, asked, code, "nominate.error.codeSuperseded");
            case LOCKED:
                metrics.codeFailed();
                throw new NominatorProblem(HttpStatus.TOO_MANY_REQUESTS, "problem.locked.heading",
                        "problem.locked.message", newCode, "problem.newCode");
            case EXPIRED:
                throw new NominatorProblem(HttpStatus.GONE, "problem.expired.heading",
                        "problem.expired.message", newCode, "problem.newCode");
            case USED:
                throw new NominatorProblem(HttpStatus.GONE, "problem.used.heading",
                        "problem.used.message", newCode, "problem.newCode");
            default:
                throw new NominatorProblem(HttpStatus.GONE, "problem.noCode.heading",
                        "problem.noCode.message", newCode, "problem.newCode");
        }
    }

    private String signIn(String slug, NominatorSession.Pending asked, HttpServletRequest request) {
        InvitationView invitation = nominators.invitation(asked.organisationId(), asked.invitationId())
                .orElseThrow(NominatorProblem::linkInvalid);
        // a new session id on every change of privilege (session fixation)
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(NominatorSession.PENDING);
        session.removeAttribute(NominatorSession.SAVED);
        session.setAttribute(NominatorSession.VERIFIED, new NominatorSession.Verified(asked.organisationId(), slug,
                invitation.invitationId(), invitation.campaignId(), invitation.roundId(), invitation.personId(),
                invitation.email()));
        return "redirect:/org/" + slug + "/nominate/form";
    }
}
