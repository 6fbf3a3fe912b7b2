package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.springframework.ui.Model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The nominator's pages as the templates read them: the email landing, the code form and the nominations form. */
final class NominatorPages {

    static final String LANDING = "nominate/landing";
    static final String CODE = "nominate/code";
    static final String FORM = "nominate/form";
    static final String DONE = "nominate/done";

    private NominatorPages() {
    }

    /**
     * How the form page is shown: {@code showingSaved} when its rows are the saved list (not input that was
     * refused or is not saved yet), {@code compact} for the saved people as a short list, {@code confirmNobody}
     * after a save with nobody on it.
     */
    record Page(boolean responded, boolean showingSaved, boolean compact, boolean confirmNobody) {
    }

    static String landing(Model model, String slug, OrganisationView organisation, InvitationView invitation,
                          ZoneId zone, String token, String email, String emailError) {
        model.addAttribute(NominatorLanguage.TITLE_KEY, "nominate.landing.title");
        model.addAttribute("organisationName", organisation.name());
        campaign(model, invitation, zone);
        // from the link, the form carries its token; asked again, the session knows the invitation
        model.addAttribute("action", "/org/" + slug + (token == null ? "/nominate/verify/again" : "/nominate/request-link"));
        model.addAttribute("token", token);
        model.addAttribute("email", email);
        if (emailError != null) {
            model.addAttribute("emailError", emailError);
        }
        return LANDING;
    }

    static String code(Model model, String slug, NominatorSession.Pending pending, String code, String codeError) {
        model.addAttribute(NominatorLanguage.TITLE_KEY, "nominate.code.title");
        model.addAttribute("action", "/org/" + slug + "/nominate/verify/code");
        model.addAttribute("email", pending.email());
        model.addAttribute("newCodeHref", "/org/" + slug + "/nominate/verify/again");
        model.addAttribute("code", code);
        if (codeError != null) {
            model.addAttribute("codeError", codeError);
        }
        return CODE;
    }

    static String form(Model model, String slug, InvitationView invitation, ZoneId zone,
                       NominatorSession.Verified nominator, NomineeRows rows, Page page) {
        boolean error = rows.formError() != null || !rows.rowsWithErrors().isEmpty();
        model.addAttribute(NominatorLanguage.TITLE_KEY, error ? "nominate.form.titleError"
                : page.confirmNobody() ? "nominate.form.titleNothing" : "nominate.form.title");
        campaign(model, invitation, zone);
        String base = "/org/" + slug + "/nominate";
        model.addAttribute("action", base + "/submit");
        model.addAttribute("nominatorEmail", nominator.email());
        model.addAttribute("maxNominees", String.valueOf(NominationCommands.MAX_NOMINEES));
        model.addAttribute("confirmNobody", page.confirmNobody());
        boolean savedNobody = page.responded() && page.showingSaved() && rows.nobody();
        model.addAttribute("savedNobody", savedNobody);
        model.addAttribute("savedList", page.responded() && page.showingSaved() && !rows.nobody());
        model.addAttribute("unsaved", !page.showingSaved());
        model.addAttribute("withdraw", page.responded() && !savedNobody);
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
            summary.add(Map.of("href", "#row" + row.index + "-" + field, "number", String.valueOf(row.number),
                    "error", error));
        }
    }

    /** The campaign as nominators see it: its invitation text, never the admins' internal notes. */
    static void campaign(Model model, InvitationView invitation, ZoneId zone) {
        model.addAttribute("campaignName", invitation.campaignName());
        model.addAttribute(NominatorContact.CAMPAIGN, invitation.campaignId().value());
        if (invitation.invitationText() != null && !invitation.invitationText().isBlank()) {
            model.addAttribute("invitationText", invitation.invitationText());
        }
        model.addAttribute("roundNumber", String.valueOf(invitation.roundNumber()));
        deadline(model, invitation, zone);
    }

    /**
     * The deadline in the campaign's zone: the instant and the zone's id, which {@link NominatorLanguage} words
     * as the invitation mail does, in the page's language, and the script reads to add the reader's own time.
     */
    static void deadline(Model model, InvitationView invitation, ZoneId zone) {
        model.addAttribute("deadline", LocalTimes.moment(invitation.deadline(), zone));
        model.addAttribute("deadlineIso", invitation.deadline().toString());
        model.addAttribute("deadlineZone", zone.getId());
    }
}
