package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoundReasons;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.error.PageNotFound;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The round detail and close pages and the rows they list, shared by the detail's handlers and the actions
 * that show the detail again with their error.
 */
@Component
class RoundPages {

    static final String DETAIL = "round/round";
    static final String CLOSE = "round/close";
    static final int PAGE_SIZE = 50;
    private static final Set<String> FILTERS = Set.of("PENDING", "SENT", "FAILED", "UNCERTAIN", "DELIVERED", "OPENED",
            "CLICKED", "BOUNCED", "SPAM_COMPLAINT", "RESPONDED", "NOT_RESPONDED");

    private final AdminPages pages;
    private final InvitationResends resends;
    /** Whether a mail provider reports deliveries, opens, bounces and complaints (WRT_MAIL_PROVIDER). */
    private final boolean providerReports;

    RoundPages(AdminPages pages, InvitationResends resends, @Value("${wrt.mail.provider:none}") String provider) {
        this.pages = pages;
        this.resends = resends;
        this.providerReports = provider != null && !provider.isBlank() && !"none".equalsIgnoreCase(provider.strip());
    }

    /** The round of this campaign, or 404. */
    RoundView round(CampaignScope scope, int number) {
        RoundView round = pages.query(new FindRound(scope.organisationId(), scope.campaignId(), number),
                RoundView.class);
        if (round == null) {
            throw new PageNotFound("No such round");
        }
        return round;
    }

    String roundPage(CampaignScope scope, RoundView round, String status,
                             int page, String extendValue, String extendError, Authentication authentication,
                             Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        String base = scope.base();
        String here = base + "/rounds/" + round.number();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.round", round.number(), campaign.name()), organisation,
                authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), base + "/rounds", AdminLanguage.text("tab.rounds"), null,
                AdminLanguage.text("crumb.round", round.number())));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "rounds"));
        model.addAttribute("base", base);
        model.addAttribute("here", here);
        ZoneId zone = pages.zone(organisation, campaign);
        model.addAttribute("zone", LocalTimes.zoneName(zone));
        Map<String, Object> summary = summary(round, zone);
        summary.putAll(numbers(round));
        model.addAttribute("round", summary);
        model.addAttribute("liveUrl", here + "/live");
        // counters nobody reports would stay 0 forever and read as "nobody opened it"
        model.addAttribute("providerCounts", providerReports || round.delivered() + round.opened() + round.clicked()
                + round.bounced() + round.spamComplaints() > 0);
        model.addAttribute("extend", Map.of(
                "value", extendValue != null ? extendValue : LocalTimes.inputValue(round.deadline() == null ? null
                        : round.deadline().plus(7, ChronoUnit.DAYS), zone),
                "min", LocalTimes.inputValue(round.deadline(), zone)));
        if (extendError != null) {
            model.addAttribute("extendError", extendError);
        }

        String filter = status == null ? "" : status.strip().toUpperCase();
        if (!FILTERS.contains(filter)) {
            filter = "";
        }
        List<ContactView> contacts = pages.queryList(new FindContacts(organisation.organisationId(),
                campaign.campaignId(), round.number(), filter.isEmpty() ? null : filter), ContactView.class);
        int pageCount = Math.max(1, (contacts.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pageCount);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContactView contact : contacts.subList((current - 1) * PAGE_SIZE,
                Math.min(contacts.size(), current * PAGE_SIZE))) {
            rows.add(contact(contact, zone));
        }
        model.addAttribute("contacts", rows);
        model.addAttribute("contactCount", contacts.size());
        model.addAttribute("hasContacts", !rows.isEmpty());
        model.addAttribute("filters", filterOptions(filter));
        model.addAttribute("filtered", !filter.isEmpty());
        String query = filter.isEmpty() ? "" : "status=" + filter + "&";
        model.addAttribute("paging", AdminPages.paging(here + "?" + query, current, pageCount));
        model.addAttribute("answers", RoundAnswers.model(pages.query(new FindRoundReasons(
                organisation.organisationId(), campaign.campaignId(), round.number()), ReasonsView.class)));

        boolean canResend = round.open() && OrganisationRoles.isAdmin(authentication, slug);
        model.addAttribute("canResend", canResend);
        List<Map<String, Object>> inDoubt = new ArrayList<>();
        if (canResend) {
            for (ContactView contact : resends.uncertain(organisation.organisationId(), campaign.campaignId(),
                    round.number())) {
                inDoubt.add(contact(contact, zone));
            }
        }
        model.addAttribute("inDoubt", inDoubt);
        model.addAttribute("inDoubtCount", inDoubt.size());
        model.addAttribute("hasInDoubt", !inDoubt.isEmpty());
        return DETAIL;
    }

    String closePage(CampaignScope scope, RoundView round, String error,
                             Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        String base = scope.base();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.closeRound", round.number()), organisation, authentication,
                "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), base + "/rounds", AdminLanguage.text("tab.rounds"), base + "/rounds/" + round.number(),
                AdminLanguage.text("crumb.round", round.number()), null, AdminLanguage.text("crumb.close")));
        Map<String, Object> summary = summary(round, pages.zone(organisation, campaign));
        summary.putAll(numbers(round));
        model.addAttribute("round", summary);
        model.addAttribute("here", base + "/rounds/" + round.number());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return CLOSE;
    }

    static Map<String, Object> summary(RoundView round, ZoneId zone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", round.number());
        row.put("open", round.open());
        row.put("statusLabel", AdminLanguage.text(round.open() ? "round.status.open" : "round.status.closed"));
        row.put("statusClass", round.open() ? "ok" : "");
        row.put("started", LocalTimes.shortMoment(round.startedAt(), zone, AdminLanguage.locale()));
        // the deadline in full, word for word as the invitation mail and the nominator's page state it
        row.put("deadline", LocalTimes.moment(round.deadline(), zone, AdminLanguage.locale()));
        row.put("deadlineIso", round.deadline() == null ? "" : round.deadline().toString());
        // a closed round sends no reminder any more: only one already sent is worth mentioning
        row.put("hasReminder", round.reminderAt() != null && (round.open() || round.reminderSentAt() != null));
        row.put("reminder", LocalTimes.shortMoment(round.reminderAt(), zone, AdminLanguage.locale()));
        row.put("reminderSent", round.reminderSentAt() != null);
        row.put("reminderSentAt", LocalTimes.shortMoment(round.reminderSentAt(), zone, AdminLanguage.locale()));
        row.put("closed", LocalTimes.shortMoment(round.closedAt(), zone, AdminLanguage.locale()));
        row.put("closeReason", "DEADLINE_PASSED".equals(round.closeReason()) ? AdminLanguage.text("round.closedAtDeadline")
                : "CLOSED_BY_ADMIN".equals(round.closeReason()) ? AdminLanguage.text("round.closedByAdmin") : "");
        row.put("hasCloseReason", round.closeReason() != null);
        row.put("contacted", round.contacted());
        row.put("responded", round.responded());
        row.put("responseRate", AdminPages.percent(round.responseRate()));
        return row;
    }

    /** The live numbers, under the names the page's {@code data-live} attributes use. */
    static Map<String, Object> numbers(RoundView round) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("status", AdminLanguage.text(round.open() ? "round.status.open" : "round.status.closed"));
        numbers.put("contacted", round.contacted());
        numbers.put("sent", round.sent());
        numbers.put("failed", round.failed());
        numbers.put("delivered", round.delivered());
        numbers.put("opened", round.opened());
        numbers.put("clicked", round.clicked());
        numbers.put("bounced", round.bounced());
        numbers.put("spam", round.spamComplaints());
        numbers.put("linkOpened", round.linkOpened());
        numbers.put("verified", round.verified());
        numbers.put("responded", round.responded());
        numbers.put("responseRate", AdminPages.percent(round.responseRate()));
        return numbers;
    }

    private static Map<String, Object> contact(ContactView contact, ZoneId zone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", AdminPages.text(contact.name()));
        row.put("email", AdminPages.text(contact.email()));
        String status = AdminPages.text(contact.deliveryStatus());
        row.put("status", status.isEmpty() ? "" : AdminLanguage.textOr("delivery." + status,
                status.toLowerCase().replace('_', ' ')));
        row.put("statusClass", switch (status) {
            case "DELIVERED", "OPENED", "CLICKED" -> "ok";
            case "FAILED", "BOUNCED", "SPAM_COMPLAINT" -> "bad";
            case "UNCERTAIN" -> "warn";
            default -> "";
        });
        if (contact.uncertain()) {
            row.put("status", AdminLanguage.text("delivery.UNCERTAIN"));
        }
        row.put("invitation", contact.invitationId().toString());
        row.put("resendable", contact.uncertain() || contact.failed());
        row.put("failure", AdminPages.text(contact.failureReason()));
        row.put("hasFailure", contact.failureReason() != null && !contact.failureReason().isBlank());
        row.put("linkOpened", LocalTimes.shortMoment(contact.linkOpenedAt(), zone, AdminLanguage.locale()));
        row.put("verified", LocalTimes.shortMoment(contact.verifiedAt(), zone, AdminLanguage.locale()));
        row.put("responded", contact.responded());
        row.put("respondedAt", LocalTimes.shortMoment(contact.respondedAt(), zone, AdminLanguage.locale()));
        row.put("nominees", contact.nominees());
        row.put("reminded", LocalTimes.shortMoment(contact.remindedAt(), zone, AdminLanguage.locale()));
        return row;
    }

    private static List<Map<String, Object>> filterOptions(String current) {
        String[] options = {"", "RESPONDED", "NOT_RESPONDED", "PENDING", "SENT", "DELIVERED", "OPENED", "CLICKED",
                "BOUNCED", "SPAM_COMPLAINT", "FAILED", "UNCERTAIN"};
        List<Map<String, Object>> list = new ArrayList<>();
        for (String option : options) {
            list.add(Map.of("value", option, "label", AdminLanguage.text("filter." + (option.isEmpty() ? "ALL" : option)),
                    "selected", option.equals(current)));
        }
        return list;
    }

}
