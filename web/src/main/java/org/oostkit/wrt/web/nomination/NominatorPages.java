package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.PageModel;
import org.springframework.ui.Model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The nominator's pages as the templates read them: the email landing, the code form and the nominations form. */
final class NominatorPages {

    static final String LANDING = "nominate/landing";
    static final String CODE = "nominate/code";
    static final String FORM = "nominate/form";
    static final String DONE = "nominate/done";
    /**
     * The key under which {@code /js/nominate.js} keeps the list being typed in the tab's {@code sessionStorage}
     * (the form's {@code data-draft}), and clears it on the thank-you page ({@code data-draft-saved}).
     */
    static final String DRAFT_KEY = "draftKey";

    private NominatorPages() {
    }

    /**
     * How the form page is shown: {@code showingSaved} when its rows are the saved list (not input that was
     * refused or is not saved yet), {@code compact} for the saved people as a short list, {@code confirmNobody}
     * after a save with nobody on it.
     */
    record Page(boolean responded, boolean showingSaved, boolean compact, boolean confirmNobody) {
    }

    /** The email landing ({@code nominate/landing}). */
    record Landing(String organisationName, String action, String token, String email, String emailError) {
    }

    /** The code form ({@code nominate/code}). */
    record Code(String action, String email, String newCodeHref, String code, String codeError) {
    }

    /** The nominations form ({@code nominate/form}): either all {@code rows} or the {@code compact} saved list. */
    record Form(String action, String nominatorEmail, String maxNominees, boolean confirmNobody, boolean savedNobody,
                boolean savedList, boolean unsaved, boolean withdraw, List<RowView> rows, Compact compact,
                Errors errors) {
    }

    /** One person row of the form, as typed, with each field's message (if any). */
    record RowView(String index, String number, String name, String email, String reason, boolean filled,
                   boolean hasReason, String editHref, String nameError, String emailError, String reasonError) {
    }

    /** The saved people as a short list, and where to add one more. */
    record Compact(List<RowView> people, String addHref) {
    }

    /** The error summary: a link to each field in error, and the form's own message. */
    record Errors(List<ErrorItem> items, String formError) {
    }

    record ErrorItem(String href, String number, String error) {
    }

    /** What the nominator pages show of the campaign: its invitation text, never the admins' internal notes. */
    record CampaignPart(String campaignName, String invitationText, String roundNumber) {
    }

    /**
     * The deadline in the campaign's zone: the instant and the zone's id, which {@link NominatorLanguage} words
     * as the invitation mail does, in the page's language, and the script reads to add the reader's own time.
     */
    record Deadline(String deadline, String deadlineIso, String deadlineZone) {
    }

    static String landing(Model model, String slug, OrganisationView organisation, InvitationView invitation,
                          ZoneId zone, String token, String email, String emailError) {
        model.addAttribute(NominatorLanguage.TITLE_KEY, "nominate.landing.title");
        campaign(model, invitation, zone);
        // from the link, the form carries its token; asked again, the session knows the invitation
        model.addAllAttributes(PageModel.attributes(new Landing(organisation.name(),
                "/org/" + slug + (token == null ? "/nominate/verify/again" : "/nominate/request-link"), token, email,
                emailError)));
        return LANDING;
    }

    static String code(Model model, String slug, NominatorSession.Pending pending, String code, String codeError) {
        model.addAttribute(NominatorLanguage.TITLE_KEY, "nominate.code.title");
        model.addAllAttributes(PageModel.attributes(new Code("/org/" + slug + "/nominate/verify/code",
                pending.email(), "/org/" + slug + "/nominate/verify/again", code, codeError)));
        return CODE;
    }

    static String form(Model model, String slug, InvitationView invitation, ZoneId zone,
                       NominatorSession.Verified nominator, NomineeRows rows, Page page) {
        boolean error = rows.formError() != null || !rows.rowsWithErrors().isEmpty();
        model.addAttribute(NominatorLanguage.TITLE_KEY, error ? "nominate.form.titleError"
                : page.confirmNobody() ? "nominate.form.titleNothing" : "nominate.form.title");
        campaign(model, invitation, zone);
        model.addAttribute(DRAFT_KEY, draftKey(slug, nominator));
        String base = "/org/" + slug + "/nominate";
        List<RowView> views = new ArrayList<>();
        List<ErrorItem> summary = new ArrayList<>();
        for (NomineeRows.Row row : rows.rows()) {
            views.add(new RowView(String.valueOf(row.index), String.valueOf(row.number), row.name, row.email,
                    row.reason, !row.blank(), !row.reason.isBlank(), base + "/form?edit#row" + row.index,
                    row.nameError, row.emailError, row.reasonError));
            error(summary, row, "name", row.nameError);
            error(summary, row, "email", row.emailError);
            error(summary, row, "reason", row.reasonError);
        }
        boolean savedNobody = page.responded() && page.showingSaved() && rows.nobody();
        model.addAllAttributes(PageModel.attributes(new Form(base + "/submit", nominator.email(),
                String.valueOf(NominationCommands.MAX_NOMINEES), page.confirmNobody(), savedNobody,
                page.responded() && page.showingSaved() && !rows.nobody(), !page.showingSaved(),
                page.responded() && !savedNobody,
                page.compact() ? null : views,
                page.compact() ? new Compact(views.stream().filter(RowView::filled).toList(),
                        base + "/form?edit#row" + rows.filled().size()) : null,
                summary.isEmpty() && rows.formError() == null ? null : new Errors(summary, rows.formError()))));
        return FORM;
    }

    /** One draft per organisation and invitation: another invitation in the same tab keeps its own. */
    static String draftKey(String slug, NominatorSession.Verified nominator) {
        return slug + ":" + nominator.invitationId().value();
    }

    private static void error(List<ErrorItem> summary, NomineeRows.Row row, String field, String error) {
        if (error != null) {
            summary.add(new ErrorItem("#row" + row.index + "-" + field, String.valueOf(row.number), error));
        }
    }

    static void campaign(Model model, InvitationView invitation, ZoneId zone) {
        model.addAttribute(NominatorContact.CAMPAIGN, invitation.campaignId().value());
        model.addAllAttributes(PageModel.attributes(new CampaignPart(invitation.campaignName(),
                invitation.invitationText() != null && !invitation.invitationText().isBlank()
                        ? invitation.invitationText() : null,
                String.valueOf(invitation.roundNumber()))));
        deadline(model, invitation, zone);
    }

    static void deadline(Model model, InvitationView invitation, ZoneId zone) {
        model.addAllAttributes(PageModel.attributes(new Deadline(LocalTimes.moment(invitation.deadline(), zone),
                invitation.deadline().toString(), zone.getId())));
    }
}
