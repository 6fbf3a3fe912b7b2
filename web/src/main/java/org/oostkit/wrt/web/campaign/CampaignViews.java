package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.export.ReportNumbers;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages.Crumb;
import org.oostkit.wrt.web.campaign.AdminPages.NavItem;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/** The typed views of the campaign pages; component names are the templates' variable names. */
final class CampaignViews {

    private CampaignViews() {
    }

    /** Status label and badge class of a campaign. */
    record Status(String statusLabel, String statusClass) {

        static Status of(CampaignView campaign) {
            if (campaign.completed()) {
                return new Status(AdminLanguage.text("campaign.status.completed"), "");
            }
            if (campaign.openRound() != null) {
                return new Status(AdminLanguage.text("campaign.status.open", campaign.openRound()), "ok");
            }
            return new Status(AdminLanguage.text(campaign.rounds() == 0 ? "campaign.status.draft"
                    : "campaign.status.between"), "warn");
        }
    }

    /** A campaign as its overview and completion pages show it. */
    record CampaignSummary(String id, String name, String description, boolean hasDescription, String invitationText,
                           boolean hasInvitationText, int threshold, int roundDays, boolean reminderEnabled,
                           int reminderDays, String statusLabel, String statusClass, boolean completed,
                           String created, String completedAt, String timeZone, int people, int seedPeople,
                           int nominatedPeople, int notYetContacted, int rounds, String openRound,
                           boolean hasOpenRound, int contacted, int responded, String responseRate, int nominations,
                           int aboveThreshold, boolean canComplete) {

        static CampaignSummary of(CampaignView campaign, ZoneId zone) {
            Status status = Status.of(campaign);
            return new CampaignSummary(campaign.campaignId().toString(), campaign.name(),
                    AdminPages.text(campaign.description()), !AdminPages.text(campaign.description()).isBlank(),
                    AdminPages.text(campaign.invitationText()),
                    !AdminPages.text(campaign.invitationText()).isBlank(), campaign.convergenceThreshold(),
                    campaign.defaultRoundDays(), campaign.reminderEnabled(), campaign.reminderDaysBefore(),
                    status.statusLabel(), status.statusClass(), campaign.completed(),
                    LocalTimes.shortMoment(campaign.createdAt(), zone, AdminLanguage.locale()),
                    LocalTimes.shortMoment(campaign.completedAt(), zone, AdminLanguage.locale()), LocalTimes.zoneName(zone),
                    campaign.people(), campaign.seedPeople(), campaign.nominatedPeople(), campaign.notYetContacted(),
                    campaign.rounds(), campaign.openRound() == null ? "" : campaign.openRound().toString(),
                    campaign.openRound() != null, campaign.contacted(), campaign.responded(),
                    ReportNumbers.percent(campaign.responseRate()), campaign.nominations(),
                    campaign.aboveThreshold(), !campaign.completed() && campaign.openRound() == null);
        }
    }

    /** The overview ({@code campaign/show}). */
    record ShowPage(List<Crumb> crumbs, List<NavItem> tabs, CampaignSummary campaign, String base) {
    }

    /** The completion confirmation ({@code campaign/complete}). */
    record CompletePage(List<Crumb> crumbs, CampaignSummary campaign, String base, String error) {
    }

    /** The create and edit form ({@code campaign/form}). */
    record FormPage(List<Crumb> crumbs, CampaignForm.View form, String action, String cancel, String submitLabel,
                    boolean creating, Collection<String> errorSummary, String error, Limits limits) {
    }

    /** The lengths the form's counters show. */
    record Limits(int nameMax, int textMax) {
    }

    /** The campaigns list ({@code campaign/manage}). */
    record ManagePage(List<Crumb> crumbs, List<CampaignRow> campaigns, boolean hasCampaigns,
                      boolean organisationActive, String organisationStatus) {
    }

    /** A campaign in the list, with the response of its latest round (null before the first). */
    record CampaignRow(String href, String name, String statusLabel, String statusClass, String created, int people,
                       int rounds, int contacted, LatestRound round, int nominations, int aboveThreshold) {
    }

    record LatestRound(String label, int responded, int contacted, String responseRate) {

        static LatestRound of(RoundView round) {
            return round == null ? null : new LatestRound(
                    AdminLanguage.text(round.open() ? "manage.roundOpen" : "crumb.round", round.number()),
                    round.responded(), round.contacted(), ReportNumbers.percent(round.responseRate()));
        }
    }
}
