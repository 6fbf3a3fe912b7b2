package org.oostkit.wrt.web.settings;

import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignTimeZone;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TimeZones;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationTimeZone;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.campaign.ReadModelWait;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The time zone of an organisation (its settings page) and of a campaign (its own, or the organisation's).
 * Admins change them; auditors see them. Deadlines are entered and shown in the zone chosen here.
 */
@Controller
class TimeZoneController {

    static final String VIEW = "settings/time-zone";

    private final AdminPages pages;

    TimeZoneController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/org/{slug}/settings")
    String organisation(OrganisationView organisation, Authentication authentication, Model model) {
        return organisationPage(organisation, organisation.timeZone().getId(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/settings")
    String changeOrganisation(@AdminOnly OrganisationView organisation, @RequestParam(defaultValue = "") String timeZone,
                              Authentication authentication, Model model, RedirectAttributes redirect) {
        String slug = organisation.slug();
        ZoneId zone;
        try {
            zone = TimeZones.require(timeZone);
            pages.send(new ChangeOrganisationTimeZone(organisation.organisationId(), zone.getId()), authentication);
        } catch (RuleViolation refused) {
            return organisationPage(organisation, timeZone, refused.getMessage(), authentication, model);
        }
        // no projection announces organisation or zone changes to subscription queries: read again until it shows
        boolean visible = ReadModelWait.until(() -> pages.query(new FindOrganisationBySlug(slug), OrganisationView.class),
                view -> zone.equals(view.timeZone()), AdminPages.CATCH_UP).isPresent();
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                "Time zone set to " + LocalTimes.zoneName(zone) + ". Deadlines are entered and shown in it, except in "
                        + "campaigns with a zone of their own." + (visible ? "" : " The pages show it within a few seconds.")));
        return "redirect:/org/" + slug + "/settings";
    }

    @GetMapping("/org/{slug}/campaigns/{id}/time-zone")
    String campaign(CampaignScope scope, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        TimeZoneView zones = zones(organisation, campaign);
        return campaignPage(organisation, campaign, zones,
                zones.campaignZone() == null ? "" : zones.campaignZone().getId(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/time-zone")
    String changeCampaign(@AdminOnly CampaignScope scope, @RequestParam(defaultValue = "") String timeZone,
                          Authentication authentication, Model model, RedirectAttributes redirect) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        ZoneId own;
        try {
            own = TimeZones.optional(timeZone);
            pages.send(new ChangeCampaignTimeZone(campaign.campaignId(), organisation.organisationId(),
                    own == null ? null : own.getId()), authentication);
        } catch (RuleViolation refused) {
            return campaignPage(organisation, campaign, zones(organisation, campaign), timeZone, refused.getMessage(),
                    authentication, model);
        }
        boolean visible = ReadModelWait.until(() -> pages.query(new FindTimeZone(organisation.organisationId(),
                        campaign.campaignId()), TimeZoneView.class),
                view -> Objects.equals(own, view.campaignZone()), AdminPages.CATCH_UP).isPresent();
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                (own == null ? "The campaign follows the organisation's time zone."
                        : "The campaign's time zone is " + LocalTimes.zoneName(own) + ".")
                        + (visible ? "" : " The pages show it within a few seconds.")));
        return "redirect:" + scope.base();
    }

    /** The zone form ({@code settings/time-zone}), for the organisation or one campaign ({@code back} only then). */
    record ZonePage(List<AdminPages.Crumb> crumbs, String heading, String current, String explanation, String action,
                    String back, List<Option> options, String error) {
    }

    /** A zone to choose, labelled with its abbreviation and offset now. */
    record Option(String value, String label, boolean selected) {
    }

    private String organisationPage(OrganisationView organisation, String selected, String error,
                                    Authentication authentication, Model model) {
        String slug = organisation.slug();
        model.addAllAttributes(pages.page("Settings", organisation, authentication, "settings"));
        model.addAllAttributes(PageModel.attributes(new ZonePage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), null, "Settings"), "Settings",
                LocalTimes.zoneName(organisation.timeZone()),
                "Deadlines are entered and shown in this zone: on the admin pages, in the invitation mails, on the "
                        + "nominators' pages and in the exports. A campaign can have a zone of its own.",
                "/org/" + slug + "/settings", null, options(selected, null), error)));
        return VIEW;
    }

    private String campaignPage(OrganisationView organisation, CampaignView campaign, TimeZoneView zones,
                                String selected, String error, Authentication authentication, Model model) {
        String slug = organisation.slug();
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        model.addAllAttributes(pages.page("Time zone of " + campaign.name(), organisation, authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new ZonePage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(), null,
                        "Time zone"),
                "Time zone of " + campaign.name(),
                LocalTimes.zoneName(zones.zone()) + (zones.campaignOverrides() ? "" : " (the organisation's)"),
                "This campaign's deadlines are entered and shown in this zone, in its mails, on its nominators' pages "
                        + "and in its exports. Rounds keep their moment: a round that closes at 17:00 in one zone "
                        + "closes at the same instant, shown in the new zone.",
                base + "/time-zone", base,
                options(selected, "The organisation's zone (" + LocalTimes.zoneName(zones.organisationZone()) + ")"),
                error)));
        return VIEW;
    }

    private TimeZoneView zones(OrganisationView organisation, CampaignView campaign) {
        TimeZoneView zones = pages.query(new FindTimeZone(organisation.organisationId(), campaign.campaignId()),
                TimeZoneView.class);
        return zones == null ? new TimeZoneView(organisation.timeZone(), organisation.timeZone(), null) : zones;
    }

    /** Every zone, labelled with its abbreviation and offset now; {@code followLabel}: a first "no zone of its own". */
    private static List<Option> options(String selected, String followLabel) {
        Instant now = Instant.now();
        List<Option> options = new ArrayList<>();
        if (followLabel != null) {
            options.add(new Option("", followLabel, selected == null || selected.isBlank()));
        }
        for (String id : TimeZones.ids()) {
            ZoneId zone = ZoneId.of(id);
            String offset = now.atZone(zone).getOffset().getId();
            options.add(new Option(id, id + " (" + LocalTimes.abbreviation(now, zone) + ", UTC"
                    + ("Z".equals(offset) ? "" : offset) + ")", id.equalsIgnoreCase(selected == null ? "" : selected.strip())));
        }
        return options;
    }
}
