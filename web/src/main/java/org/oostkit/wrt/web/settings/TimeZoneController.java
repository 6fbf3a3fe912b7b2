package org.oostkit.wrt.web.settings;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
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
    private final OrganisationLogos logos;

    TimeZoneController(AdminPages pages, OrganisationLogos logos) {
        this.pages = pages;
        this.logos = logos;
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
            return organisationPage(organisation, timeZone, Refusals.text(refused), authentication, model);
        }
        // no projection announces organisation or zone changes to subscription queries: read again until it shows
        boolean visible = ReadModelWait.until(() -> pages.query(new FindOrganisationBySlug(slug), OrganisationView.class),
                view -> zone.equals(view.timeZone()), AdminPages.CATCH_UP).isPresent();
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                AdminLanguage.text("flash.zoneSet", LocalTimes.zoneName(zone))
                        + (visible ? "" : " " + AdminLanguage.text("flash.pagesShow"))));
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
            return campaignPage(organisation, campaign, zones(organisation, campaign), timeZone, Refusals.text(refused),
                    authentication, model);
        }
        boolean visible = ReadModelWait.until(() -> pages.query(new FindTimeZone(organisation.organisationId(),
                        campaign.campaignId()), TimeZoneView.class),
                view -> Objects.equals(own, view.campaignZone()), AdminPages.CATCH_UP).isPresent();
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                (own == null ? AdminLanguage.text("flash.zoneFollows")
                        : AdminLanguage.text("flash.zoneOwn", LocalTimes.zoneName(own)))
                        + (visible ? "" : " " + AdminLanguage.text("flash.pagesShow"))));
        return "redirect:" + scope.base();
    }

    /** The zone form ({@code settings/time-zone}), for the organisation or one campaign ({@code back} only then). */
    record ZonePage(List<AdminPages.Crumb> crumbs, String heading, String current, String explanation, String action,
                    String back, List<Option> options, String error, LogoSection logoSection) {
    }

    /** The logo upload on the organisation's settings page; {@code href} the current logo's, null without one. */
    record LogoSection(String action, String removeAction, String href) {
    }

    /** A zone to choose, labelled with its abbreviation and offset now. */
    record Option(String value, String label, boolean selected) {
    }

    private String organisationPage(OrganisationView organisation, String selected, String error,
                                    Authentication authentication, Model model) {
        String slug = organisation.slug();
        model.addAllAttributes(pages.page(AdminLanguage.text("nav.settings"), organisation, authentication,
                "settings"));
        model.addAllAttributes(PageModel.attributes(new ZonePage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), null,
                        AdminLanguage.text("nav.settings")),
                AdminLanguage.text("nav.settings"), LocalTimes.zoneName(organisation.timeZone()),
                AdminLanguage.text("zone.organisation.explanation"), "/org/" + slug + "/settings", null,
                options(selected, null), error,
                // the organisation's logo sits on its settings page too
                new LogoSection("/org/" + slug + "/settings/logo", "/org/" + slug + "/settings/logo/remove",
                        logos.href(slug).orElse(null)))));
        return VIEW;
    }

    private String campaignPage(OrganisationView organisation, CampaignView campaign, TimeZoneView zones,
                                String selected, String error, Authentication authentication, Model model) {
        String slug = organisation.slug();
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.zone", campaign.name()), organisation,
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new ZonePage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(), null,
                        AdminLanguage.text("campaign.show.timeZone")),
                AdminLanguage.text("title.zone", campaign.name()),
                LocalTimes.zoneName(zones.zone())
                        + (zones.campaignOverrides() ? "" : " " + AdminLanguage.text("zone.organisations")),
                AdminLanguage.text("zone.campaign.explanation"),
                base + "/time-zone", base,
                options(selected, AdminLanguage.text("zone.organisationOption",
                        LocalTimes.zoneName(zones.organisationZone()))),
                error, null)));
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
