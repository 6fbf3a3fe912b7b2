package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.WithdrawVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.invitation.VerificationOutcome;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitation;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.NominationView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.mail.OutgoingMail;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The nominator's way from the invitation link to a saved list. Opening the link consumes nothing (mail
 * scanners open every link) and signs in nobody (mails are forwarded): the nominator names the invited
 * address, gets a code there, and the code opens a session for this invitation only. Wrong addresses get
 * the same answer as the right one, so the page tells nobody who was invited.
 */
@Controller
@RequestMapping("/org/{slug}/nominate")
class NominationController {

    private static final Logger log = LoggerFactory.getLogger(NominationController.class);

    static final String LANDING = "nominate/landing";
    static final String CODE = "nominate/code";
    static final String FORM = "nominate/form";
    static final String DONE = "nominate/done";
    static final String PROBLEM = "nominate/problem";

    /** A link token is 32 random bytes in URL-safe base64 (43 characters); anything else is not one. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,100}$");
    private static final Pattern CODE_FORMAT = Pattern.compile("^[0-9]{6}$");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Secrets secrets;
    private final OutgoingMail mail;
    private final WrtMetrics metrics;
    private final TaskExecutor codeMail;

    NominationController(CommandGateway commands, QueryGateway queries, Secrets secrets, OutgoingMail mail,
                         WrtMetrics metrics, @Qualifier("applicationTaskExecutor") TaskExecutor codeMail) {
        this.commands = commands;
        this.queries = queries;
        this.secrets = secrets;
        this.mail = mail;
        this.metrics = metrics;
        this.codeMail = codeMail;
    }

    /** The link's token is in the address of every page of the flow: never let it leave in a Referer. */
    @ModelAttribute
    void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping("/invalid")
    String invalid(@PathVariable String slug, Model model, HttpServletResponse response) {
        return invalidLink(model, response);
    }

    @GetMapping("/{token}")
    String open(@PathVariable String slug, @PathVariable String token, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Optional<OrganisationView> organisation = organisation(slug);
        Optional<InvitationView> invitation = organisation.flatMap(org -> invitationOfToken(org, token));
        if (invitation.isEmpty()) {
            return pausedOrganisation(slug, token).map(paused -> paused(model, response, paused))
                    .orElseGet(() -> invalidLink(model, response));
        }
        OrganisationId org = organisation.get().organisationId();
        InvitationView found = invitation.get();
        recordLinkOpened(org, found.invitationId());
        if (!found.roundOpen()) {
            return roundClosed(model, response, found, verified(session, slug)
                    .filter(v -> v.invitationId().equals(found.invitationId())).isPresent() ? org : null);
        }
        if (verified(session, slug).filter(v -> v.invitationId().equals(found.invitationId())).isPresent()) {
            return "redirect:/org/" + slug + "/nominate/form";
        }
        return landing(model, slug, organisation.get(), found, token, "", null);
    }

    @PostMapping("/request-link")
    String requestCode(@PathVariable String slug, @RequestParam(defaultValue = "") String token,
                       @RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        Optional<OrganisationView> organisation = organisation(slug);
        Optional<InvitationView> invitation = organisation.flatMap(org -> invitationOfToken(org, token));
        if (invitation.isEmpty()) {
            return invalidLink(model, response);
        }
        return askForCode(slug, organisation.get(), invitation.get(), token, email, model, request, response);
    }

    /** The email form again, for the invitation whose code was asked for: to change the address or get a new code. */
    @GetMapping("/verify/again")
    String askAgain(@PathVariable String slug, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<NominatorSession.Pending> pending = pending(request.getSession(false), slug);
        Optional<OrganisationView> organisation = organisation(slug);
        if (pending.isEmpty() || organisation.isEmpty()) {
            return sessionExpired(model, response, slug);
        }
        Optional<InvitationView> invitation = invitation(pending.get().organisationId(), pending.get().invitationId());
        if (invitation.isEmpty()) {
            return invalidLink(model, response);
        }
        if (!invitation.get().roundOpen()) {
            return roundClosed(model, response, invitation.get(), null);
        }
        return landing(model, slug, organisation.get(), invitation.get(), null, pending.get().email(), null);
    }

    @PostMapping("/verify/again")
    String requestCodeAgain(@PathVariable String slug, @RequestParam(defaultValue = "") String email, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        Optional<NominatorSession.Pending> pending = pending(request.getSession(false), slug);
        Optional<OrganisationView> organisation = organisation(slug);
        if (pending.isEmpty() || organisation.isEmpty()) {
            return sessionExpired(model, response, slug);
        }
        Optional<InvitationView> invitation = invitation(pending.get().organisationId(), pending.get().invitationId());
        if (invitation.isEmpty()) {
            return invalidLink(model, response);
        }
        return askForCode(slug, organisation.get(), invitation.get(), null, email, model, request, response);
    }

    /**
     * Asks for a code for the typed address and remembers the invitation and the address (never the link's
     * token: sessions are stored) for the code page. {@code token} is the link's, or null when asked again.
     */
    private String askForCode(String slug, OrganisationView organisation, InvitationView found, String token,
                              String email, Model model, HttpServletRequest request, HttpServletResponse response) {
        OrganisationId org = organisation.organisationId();
        if (!found.roundOpen()) {
            return roundClosed(model, response, found, null);
        }
        String address = Emails.normalise(email);
        if (address.isEmpty() || !Emails.isValid(address)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return landing(model, slug, organisation, found, token, email,
                    address.isEmpty() ? "Enter your email address." : "Enter an email address like name@example.org.");
        }
        requestCodeLater(org, found.invitationId(), address);
        HttpSession session = request.getSession(true);
        session.removeAttribute(NominatorSession.VERIFIED);
        session.removeAttribute(NominatorSession.SAVED);
        session.setAttribute(NominatorSession.PENDING,
                new NominatorSession.Pending(org, slug, found.invitationId(), address));
        return "redirect:/org/" + slug + "/nominate/verify";
    }

    /**
     * Issues and mails the code off the request thread, so the answer is the same page after the same time
     * whether the address is the invited one, and whether the mail server works. A code whose mail was not
     * handed over is withdrawn, so an outage does not use up the invitation's codes.
     */
    private void requestCodeLater(OrganisationId org, InvitationId invitation, String address) {
        try {
            codeMail.execute(() -> issueAndMailCode(org, invitation, address));
        } catch (TaskRejectedException full) {
            log.warn("Code request for invitation {} dropped: too many waiting", invitation);
        }
    }

    private void issueAndMailCode(OrganisationId org, InvitationId invitation, String address) {
        IssuedCode code;
        try {
            code = send(new RequestVerificationCode(invitation, org, address), invitation);
        } catch (RuleViolation refused) {
            // email-mismatch, too-many-codes, round-closed: nobody is told, the page did not depend on it
            log.info("No code sent for invitation {}: {}", invitation, refused.rule());
            return;
        } catch (RuntimeException failed) {
            log.warn("No code issued for invitation {}: {}", invitation, failed.toString());
            return;
        }
        try {
            mail.sendVerificationCode(org, invitation, address, code.code(), code.expiresAt());
            recordCodeIssued();
        } catch (RuntimeException mailFailed) {
            log.warn("Could not send the verification code of invitation {}; the code is withdrawn: {}", invitation,
                    mailFailed.toString());
            try {
                send(new WithdrawVerificationCode(invitation, org, code.expiresAt()), invitation);
            } catch (RuntimeException withdrawFailed) {
                log.error("Could not withdraw the unsent code of invitation {}", invitation, withdrawFailed);
            }
        }
    }

    @GetMapping("/verify")
    String codeForm(@PathVariable String slug, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Optional<NominatorSession.Pending> pending = pending(session, slug);
        if (pending.isEmpty()) {
            return sessionExpired(model, response, slug);
        }
        return code(model, slug, pending.get(), "", null);
    }

    @PostMapping("/verify/code")
    String verifyCode(@PathVariable String slug, @RequestParam(defaultValue = "") String code, Model model,
                      HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Optional<NominatorSession.Pending> pending = pending(session, slug);
        if (pending.isEmpty()) {
            return sessionExpired(model, response, slug);
        }
        NominatorSession.Pending asked = pending.get();
        String entered = code.replaceAll("[\\s-]", "");
        if (!CODE_FORMAT.matcher(entered).matches()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return code(model, slug, asked, code, "Enter the 6 digits from the email.");
        }
        VerificationOutcome outcome;
        try {
            outcome = send(new VerifyCode(asked.invitationId(), asked.organisationId(), entered), asked.invitationId());
        } catch (RuleViolation refused) {
            return invalidLink(model, response);
        }
        String newCode = "/org/" + slug + "/nominate/verify/again";
        switch (outcome) {
            case VERIFIED:
                return signIn(slug, asked, model, request, response);
            case WRONG_CODE:
                recordCodeFailed();
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return code(model, slug, asked, code, "That code is not right. Check the 6 digits in the latest "
                        + "email and try again.");
            case SUPERSEDED:
                // an older code of ours: no guess, so it costs no attempt; the newest mail has the one that works
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return code(model, slug, asked, code, "This is not the latest code we sent. A newer email has "
                        + "replaced it: use the code in the most recent email.");
            case LOCKED:
                recordCodeFailed();
                return problem(model, response, HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
                        "The code was entered wrongly too often, so it no longer works. Ask for a new code.",
                        newCode, "Ask for a new code");
            case EXPIRED:
                return problem(model, response, HttpStatus.GONE, "Your code has expired",
                        "Codes work for 10 minutes. Ask for a new one; it will arrive in a minute or two.",
                        newCode, "Ask for a new code");
            case USED:
                return problem(model, response, HttpStatus.GONE, "This code has been used already",
                        "Each code works once. Ask for a new code to continue.", newCode, "Ask for a new code");
            default:
                return problem(model, response, HttpStatus.GONE, "This code can no longer be used",
                        "We have no code for this invitation that you could enter: none was asked for, or its "
                                + "email could not be sent. Ask for a new code.", newCode, "Ask for a new code");
        }
    }

    private String signIn(String slug, NominatorSession.Pending asked, Model model, HttpServletRequest request,
                            HttpServletResponse response) {
        InvitationView invitation = invitation(asked.organisationId(), asked.invitationId()).orElse(null);
        if (invitation == null) {
            return invalidLink(model, response);
        }
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

    @GetMapping("/form")
    String form(@PathVariable String slug, @RequestParam(required = false) String edit, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        OpenForm open = openForm(session, slug, model, response);
        if (open.page() != null) {
            return open.page();
        }
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
            rows = NomineeRows.of(nominationsOf(nominator));
            responded = invitation.responded();
        }
        // coming back to a saved list: the people as a short list with "edit", the whole form on request
        boolean compact = edit == null && !rows.nobody();
        return form(model, slug, invitation, nominator, rows, new Page(responded, true, compact, false));
    }

    @PostMapping("/submit")
    String submit(@PathVariable String slug, @RequestParam(defaultValue = "save") String action, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        OpenForm open = openForm(session, slug, model, response);
        if (open.page() != null) {
            return open.page();
        }
        NominatorSession.Verified nominator = open.nominator();
        InvitationView invitation = open.invitation();
        boolean responded = invitation.responded();
        if ("none".equals(action)) {
            return save(slug, model, response, session, redirect, invitation, nominator, NomineeRows.blank(),
                    SubmitNominations.noOneToSuggest(nominator.organisationId(), nominator.invitationId()));
        }
        NomineeRows rows;
        try {
            rows = NomineeRows.posted(request.getParameterValues("name"), request.getParameterValues("email"),
                    request.getParameterValues("reason"), removed(request.getParameterValues("remove")));
        } catch (IllegalArgumentException tooMany) {
            return problem(model, response, HttpStatus.BAD_REQUEST, "That form was too long",
                    "Please name at most " + NominationCommands.MAX_NOMINEES + " people.", "/org/" + slug + "/nominate/form", "Back to the form");
        }
        if ("more".equals(action)) {
            rows.addBlank(NomineeRows.MORE_ROWS);
            return form(model, slug, invitation, nominator, rows, new Page(responded, false, false, false));
        }
        if (!rows.validate(nominator.email())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, slug, invitation, nominator, rows, new Page(responded, false, false, false));
        }
        if (rows.nobody()) {
            // an empty save is usually an accident: nothing is recorded; the page asks what was meant
            return confirmNobody(model, slug, invitation, nominator, rows, responded);
        }
        return save(slug, model, response, session, redirect, invitation, nominator, rows,
                SubmitNominations.of(nominator.organisationId(), nominator.invitationId(), rows.inputs()));
    }

    private String save(String slug, Model model, HttpServletResponse response, HttpSession session,
                        RedirectAttributes redirect, InvitationView invitation, NominatorSession.Verified nominator,
                        NomineeRows rows, SubmitNominations command) {
        Instant savedAt = Instant.now();
        try {
            send(command, nominator.invitationId());
        } catch (RuleViolation refused) {
            switch (refused.rule()) {
                case "round-closed":
                    return roundClosed(model, response, invitation, nominator.organisationId());
                case "not-verified":
                case "not-found":
                    session.invalidate();
                    return sessionExpired(model, response, slug);
                case "nominees-empty":
                    return confirmNobody(model, slug, invitation, nominator, rows, invitation.responded());
                default:
                    // the aggregate's own wording (its checks are the ones repeated above; this is a safety net)
                    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                    rows.formError(refused.getMessage());
                    return form(model, slug, invitation, nominator, rows,
                            new Page(invitation.responded(), false, false, false));
            }
        }
        recordNominationSubmitted();
        session.setAttribute(NominatorSession.SAVED, rows.saved(savedAt));
        redirect.addFlashAttribute("named", rows.named());
        return "redirect:/org/" + slug + "/nominate/done";
    }

    private String confirmNobody(Model model, String slug, InvitationView invitation,
                                 NominatorSession.Verified nominator, NomineeRows rows, boolean responded) {
        rows.addBlank(Math.max(0, NomineeRows.START_ROWS - rows.rows().size()));
        return form(model, slug, invitation, nominator, rows, new Page(responded, false, false, true));
    }

    /** The verified nominator and their invitation while its round is open; otherwise the page to show instead. */
    private record OpenForm(NominatorSession.Verified nominator, InvitationView invitation, String page) {
    }

    private OpenForm openForm(HttpSession session, String slug, Model model, HttpServletResponse response) {
        Optional<NominatorSession.Verified> verified = verified(session, slug);
        if (verified.isEmpty()) {
            return new OpenForm(null, null, sessionExpired(model, response, slug));
        }
        NominatorSession.Verified nominator = verified.get();
        Optional<InvitationView> invitation = invitation(nominator.organisationId(), nominator.invitationId());
        if (invitation.isEmpty()) {
            return new OpenForm(null, null, sessionExpired(model, response, slug));
        }
        if (!invitation.get().roundOpen()) {
            return new OpenForm(null, null, roundClosed(model, response, invitation.get(), nominator.organisationId()));
        }
        return new OpenForm(nominator, invitation.get(), null);
    }

    @GetMapping("/done")
    String done(@PathVariable String slug, Model model, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Optional<NominatorSession.Verified> verified = verified(session, slug);
        if (verified.isEmpty()) {
            return sessionExpired(model, response, slug);
        }
        if (!model.containsAttribute("named")) {
            // the list is shown from what was just saved (the read model may lag a moment); on a reload
            // the form shows the saved list instead
            return "redirect:/org/" + slug + "/nominate/form";
        }
        Optional<InvitationView> invitation = invitation(verified.get().organisationId(),
                verified.get().invitationId());
        if (invitation.isEmpty()) {
            return sessionExpired(model, response, slug);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, String>> named = (List<Map<String, String>>) model.getAttribute("named");
        model.addAttribute("title", "Thank you — " + invitation.get().campaignName());
        model.addAttribute("campaignName", invitation.get().campaignName());
        model.addAttribute(NominatorContact.CAMPAIGN, invitation.get().campaignId().value());
        model.addAttribute("nobody", named.isEmpty()); // only the explicit answer saves an empty list
        model.addAttribute("count", named.size() == 1 ? "1 person" : named.size() + " people");
        model.addAttribute("deadline", DEADLINE.format(invitation.get().deadline()));
        model.addAttribute("formHref", "/org/" + slug + "/nominate/form");
        model.addAttribute("copyHref", "/org/" + slug + "/nominate/copy");
        return DONE;
    }

    // --- pages

    private String landing(Model model, String slug, OrganisationView organisation, InvitationView invitation,
                           String token, String email, String emailError) {
        model.addAttribute("title", "Confirm your email — " + invitation.campaignName());
        model.addAttribute("organisationName", organisation.name());
        campaign(model, invitation);
        // from the link, the form carries its token; asked again, the session knows the invitation
        model.addAttribute("action", "/org/" + slug + (token == null ? "/nominate/verify/again" : "/nominate/request-link"));
        model.addAttribute("token", token);
        model.addAttribute("email", email);
        if (emailError != null) {
            model.addAttribute("emailError", emailError);
        }
        return LANDING;
    }

    private String code(Model model, String slug, NominatorSession.Pending pending, String code, String codeError) {
        model.addAttribute("title", "Enter your code");
        model.addAttribute("action", "/org/" + slug + "/nominate/verify/code");
        model.addAttribute("email", pending.email());
        model.addAttribute("newCodeHref", "/org/" + slug + "/nominate/verify/again");
        model.addAttribute("code", code);
        if (codeError != null) {
            model.addAttribute("codeError", codeError);
        }
        return CODE;
    }

    /**
     * How the form page is shown: {@code showingSaved} when its rows are the saved list (not input that was
     * refused or is not saved yet), {@code compact} for the saved people as a short list, {@code confirmNobody}
     * after a save with nobody on it.
     */
    private record Page(boolean responded, boolean showingSaved, boolean compact, boolean confirmNobody) {
    }

    private String form(Model model, String slug, InvitationView invitation, NominatorSession.Verified nominator,
                        NomineeRows rows, Page page) {
        boolean error = rows.formError() != null || !rows.rowsWithErrors().isEmpty();
        model.addAttribute("title", (error ? "Error: " : page.confirmNobody() ? "Nothing saved: " : "")
                + "Your nominations — " + invitation.campaignName());
        campaign(model, invitation);
        String base = "/org/" + slug + "/nominate";
        model.addAttribute("action", base + "/submit");
        model.addAttribute("nominatorEmail", nominator.email());
        model.addAttribute("maxNominees", String.valueOf(NominationCommands.MAX_NOMINEES));
        model.addAttribute("confirmNobody", page.confirmNobody());
        boolean savedNobody = page.responded() && page.showingSaved() && rows.nobody();
        model.addAttribute("savedNobody", savedNobody);
        model.addAttribute("savedList", page.responded() && page.showingSaved() && !rows.nobody());
        model.addAttribute("unsaved", !page.showingSaved());
        model.addAttribute("noOneLabel", page.responded() && !savedNobody
                ? "Withdraw my list: I have no one to suggest" : "I have no one to suggest");
        List<Map<String, Object>> views = new ArrayList<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (NomineeRows.Row row : rows.rows()) {
            Map<String, Object> view = new HashMap<>();
            view.put("index", String.valueOf(row.index));
            view.put("number", String.valueOf(row.number));
            view.put("name", row.name);
            view.put("email", row.email);
            view.put("reason", row.reason);
            view.put("filled", !row.blank());
            view.put("hasReason", !row.reason.isBlank());
            view.put("editHref", base + "/form?edit#row" + row.index);
            field(view, summary, row, "name", row.nameError);
            field(view, summary, row, "email", row.emailError);
            field(view, summary, row, "reason", row.reasonError);
            views.add(view);
        }
        if (page.compact()) {
            model.addAttribute("compact", Map.of("people", views.stream().filter(v -> (boolean) v.get("filled"))
                    .toList(), "addHref", base + "/form?edit#row" + rows.filled().size()));
        } else {
            model.addAttribute("rows", views);
        }
        if (!summary.isEmpty() || rows.formError() != null) {
            Map<String, Object> errors = new HashMap<>();
            errors.put("items", summary);
            if (rows.formError() != null) {
                errors.put("formError", rows.formError());
            }
            model.addAttribute("errors", errors);
        }
        return FORM;
    }

    private static void field(Map<String, Object> view, List<Map<String, Object>> summary, NomineeRows.Row row,
                              String field, String error) {
        if (error != null) {
            view.put(field + "Error", error);
            summary.add(Map.of("href", "#row" + row.index + "-" + field,
                    "message", "Person " + row.number + ": " + error));
        }
    }

    private String roundClosed(Model model, HttpServletResponse response, InvitationView invitation,
                               OrganisationId verifiedIn) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("title", "This round has closed");
        model.addAttribute("heading", "This round has closed");
        model.addAttribute("message", "Nominations for “" + invitation.campaignName() + "” (round "
                + invitation.roundNumber() + ") can no longer be made or changed. Thank you for your interest.");
        if (verifiedIn != null) {
            List<Map<String, String>> named = queries.query(new FindNominationsOf(verifiedIn, invitation.campaignId(),
                            invitation.personId()), ResponseTypes.multipleInstancesOf(NominationView.class)).join()
                    .stream().map(n -> Map.of("name", n.name(), "email", n.email())).toList();
            if (!named.isEmpty()) {
                model.addAttribute("named", named);
            }
        }
        return PROBLEM;
    }

    private String invalidLink(Model model, HttpServletResponse response) {
        return problem(model, response, HttpStatus.NOT_FOUND, "This link does not work",
                "The link may be incomplete (some email programs break long links). Open the link in your "
                        + "invitation or reminder email again, or copy the whole address into your browser.",
                null, null);
    }

    /**
     * The suspended organisation behind a real invitation link, if that is why the link leads nowhere: its
     * nominators are told the truth (paused, the link kept), while a wrong link still reads as one.
     */
    private Optional<OrganisationView> pausedOrganisation(String slug, String token) {
        return Optional.ofNullable(queries.query(new FindOrganisationBySlug(slug), OrganisationView.class).join())
                .filter(found -> !found.isActive())
                .filter(found -> invitationOfToken(found, token).isPresent());
    }

    private String paused(Model model, HttpServletResponse response, OrganisationView organisation) {
        return problem(model, response, HttpStatus.SERVICE_UNAVAILABLE, "Nominations are paused",
                organisation.name() + " has paused its nominations for the moment. Your invitation is kept: "
                        + "open this link again later. Nothing you saved is lost.", null, null);
    }

    private String sessionExpired(Model model, HttpServletResponse response, String slug) {
        return problem(model, response, HttpStatus.UNAUTHORIZED, "Your session has ended",
                "For your security, the nomination page closes after a while without activity, or when the "
                        + "browser was closed. Open the link in your invitation email again to continue; your "
                        + "saved nominations are kept.", null, null);
    }

    private String problem(Model model, HttpServletResponse response, HttpStatus status, String heading,
                           String message, String href, String label) {
        response.setStatus(status.value());
        model.addAttribute("title", heading);
        model.addAttribute("heading", heading);
        model.addAttribute("message", message);
        if (href != null) {
            model.addAttribute("next", Map.of("href", href, "label", label));
        }
        return PROBLEM;
    }

    /** The campaign as nominators see it: its invitation text, never the admins' internal notes. */
    private static void campaign(Model model, InvitationView invitation) {
        model.addAttribute("campaignName", invitation.campaignName());
        model.addAttribute(NominatorContact.CAMPAIGN, invitation.campaignId().value());
        if (invitation.invitationText() != null && !invitation.invitationText().isBlank()) {
            model.addAttribute("invitationText", invitation.invitationText());
        }
        model.addAttribute("roundNumber", String.valueOf(invitation.roundNumber()));
        model.addAttribute("deadline", DEADLINE.format(invitation.deadline()));
    }

    // --- reading and sending

    private Optional<OrganisationView> organisation(String slug) {
        return Optional.ofNullable(queries.query(new FindOrganisationBySlug(slug), OrganisationView.class).join())
                .filter(OrganisationView::isActive);
    }

    private Optional<InvitationView> invitationOfToken(OrganisationView organisation, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(queries.query(new FindInvitationByTokenHash(organisation.organisationId(),
                secrets.invitationTokenHash(token)), InvitationView.class).join());
    }

    private Optional<InvitationView> invitation(OrganisationId organisation, InvitationId invitation) {
        return Optional.ofNullable(queries.query(new FindInvitation(organisation, invitation), InvitationView.class)
                .join());
    }

    private List<NominationView> nominationsOf(NominatorSession.Verified nominator) {
        return queries.query(new FindNominationsOf(nominator.organisationId(), nominator.campaignId(),
                nominator.personId()), ResponseTypes.multipleInstancesOf(NominationView.class)).join();
    }

    private void recordLinkOpened(OrganisationId organisation, InvitationId invitation) {
        try {
            send(new RecordLinkOpened(invitation, organisation), invitation);
        } catch (RuntimeException e) {
            // tracking must never keep a nominator from the page
            log.warn("Could not record that invitation {} was opened", invitation, e);
        }
    }

    private <R> R send(Object command, InvitationId invitation) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actor.nominator(invitation).asMetaData()));
    }

    private static Optional<NominatorSession.Pending> pending(HttpSession session, String slug) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((NominatorSession.Pending) session.getAttribute(NominatorSession.PENDING))
                .filter(p -> p.slug().equals(slug));
    }

    private static Optional<NominatorSession.Verified> verified(HttpSession session, String slug) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((NominatorSession.Verified) session.getAttribute(NominatorSession.VERIFIED))
                .filter(v -> v.slug().equals(slug));
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

    private void recordCodeIssued() {
        metrics.codeIssued();
    }

    private void recordCodeFailed() {
        metrics.codeFailed();
    }

    private void recordNominationSubmitted() {
        metrics.nominationSubmitted();
    }
}
