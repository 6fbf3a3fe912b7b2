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
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.error.PageNotFound;
import org.oostkit.wrt.web.round.RoundViews.ClosePage;
import org.oostkit.wrt.web.round.RoundViews.ContactRow;
import org.oostkit.wrt.web.round.RoundViews.Extend;
import org.oostkit.wrt.web.round.RoundViews.FilterOption;
import org.oostkit.wrt.web.round.RoundViews.RoundModel;
import org.oostkit.wrt.web.round.RoundViews.RoundPage;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
        ZoneId zone = pages.zone(organisation, campaign);

        String filter = status == null ? "" : status.strip().toUpperCase();
        if (!FILTERS.contains(filter)) {
            filter = "";
        }
        List<ContactView> contacts = pages.queryList(new FindContacts(organisation.organisationId(),
                campaign.campaignId(), round.number(), filter.isEmpty() ? null : filter), ContactView.class);
        int pageCount = Math.max(1, (contacts.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pageCount);
        List<ContactRow> rows = contacts.subList((current - 1) * PAGE_SIZE,
                Math.min(contacts.size(), current * PAGE_SIZE)).stream().map(c -> ContactRow.of(c, zone)).toList();
        String query = filter.isEmpty() ? "" : "status=" + filter + "&";

        boolean canResend = round.open() && OrganisationRoles.isAdmin(authentication, slug);
        List<ContactRow> inDoubt = !canResend ? List.of() : resends.uncertain(organisation.organisationId(),
                campaign.campaignId(), round.number()).stream().map(c -> ContactRow.of(c, zone)).toList();

        model.addAllAttributes(pages.page(AdminLanguage.text("title.round", round.number(), campaign.name()), organisation,
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new RoundPage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(),
                        base + "/rounds", AdminLanguage.text("tab.rounds"), null,
                        AdminLanguage.text("crumb.round", round.number())),
                AdminPages.tabs(slug, campaign, "rounds"), base, here, LocalTimes.zoneName(zone),
                RoundModel.of(round, zone, null), here + "/live",
                // counters nobody reports would stay 0 forever and read as "nobody opened it"
                providerReports || round.delivered() + round.opened() + round.clicked() + round.bounced()
                        + round.spamComplaints() > 0,
                new Extend(extendValue != null ? extendValue : LocalTimes.inputValue(round.deadline() == null ? null
                        : round.deadline().plus(7, ChronoUnit.DAYS), zone),
                        LocalTimes.inputValue(round.deadline(), zone)),
                extendError, rows, contacts.size(), !rows.isEmpty(), filterOptions(filter), !filter.isEmpty(),
                AdminPages.paging(here + "?" + query, current, pageCount),
                RoundAnswers.of(pages.query(new FindRoundReasons(organisation.organisationId(),
                        campaign.campaignId(), round.number()), ReasonsView.class)),
                canResend, inDoubt, inDoubt.size(), !inDoubt.isEmpty())));
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
        model.addAllAttributes(PageModel.attributes(new ClosePage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(),
                        base + "/rounds", AdminLanguage.text("tab.rounds"), base + "/rounds/" + round.number(),
                        AdminLanguage.text("crumb.round", round.number()), null, AdminLanguage.text("crumb.close")),
                RoundModel.of(round, pages.zone(organisation, campaign), null),
                base + "/rounds/" + round.number(), error)));
        return CLOSE;
    }

    private static List<FilterOption> filterOptions(String current) {
        String[] options = {"", "RESPONDED", "NOT_RESPONDED", "PENDING", "SENT", "DELIVERED", "OPENED", "CLICKED",
                "BOUNCED", "SPAM_COMPLAINT", "FAILED", "UNCERTAIN"};
        List<FilterOption> list = new ArrayList<>();
        for (String option : options) {
            list.add(new FilterOption(option, AdminLanguage.text("filter." + (option.isEmpty() ? "ALL" : option)),
                    option.equals(current)));
        }
        return list;
    }
}
