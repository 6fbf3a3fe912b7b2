package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A campaign's rounds: the list, the start form and who the next round will and will not ask. */
@Controller
class RoundListController {

    static final String LIST = "round/rounds";

    private final AdminPages pages;

    RoundListController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/rounds")
    String rounds(CampaignScope scope, Authentication authentication, Model model) {
        StartForm form = StartForm.defaults(scope.campaign(), pages.zone(scope.organisation(), scope.campaign()));
        return roundsPage(scope, form, Map.of(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds")
    String start(@AdminOnly CampaignScope scope,
                 @RequestParam(defaultValue = "") String deadline,
                 @RequestParam(defaultValue = "false") boolean reminderEnabled,
                 @RequestParam(defaultValue = "") String reminderDays,
                 Authentication authentication, Model model, RedirectAttributes redirect) {
        StartForm form = new StartForm(deadline, reminderEnabled, reminderDays);
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId zone = pages.zone(scope.organisation(), scope.campaign());
        Instant at = LocalTimes.fromInput(deadline, zone);
        if (at == null) {
            errors.put("deadline", AdminLanguage.text("rounds.error.deadlineMissing"));
        } else if (!at.isAfter(Instant.now())) {
            errors.put("deadline", AdminLanguage.text("rounds.error.deadlinePast"));
        }
        Integer days = parse(reminderDays);
        if (reminderEnabled && (days == null || days < CampaignSettings.REMINDER_DAYS_MIN
                || days > CampaignSettings.REMINDER_DAYS_MAX)) {
            errors.put("reminderDays", AdminLanguage.text("rounds.error.reminderDays",
                    CampaignSettings.REMINDER_DAYS_MIN, CampaignSettings.REMINDER_DAYS_MAX));
        }
        if (!errors.isEmpty()) {
            return roundsPage(scope, form, errors, null, authentication, model);
        }
        int number;
        try {
            number = pages.send(new StartRound(scope.campaignId(), scope.organisationId(), RoundId.random(),
                    at, reminderEnabled, reminderEnabled ? days : 0), authentication);
        } catch (RuleViolation refused) {
            String field = refused.rule().startsWith("deadline") ? "deadline"
                    : refused.rule().startsWith("reminder") ? "reminderDays" : null;
            return roundsPage(scope, form,
                    field == null ? Map.of() : Map.of(field, refused.getMessage()),
                    field == null ? refused.getMessage() : null, authentication, model);
        }
        boolean visible = pages.caughtUp(new FindRound(scope.organisationId(), scope.campaignId(), number),
                RoundView.class, Objects::nonNull);
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                AdminLanguage.text(visible ? "flash.roundStarted" : "flash.roundStartedLagging", number,
                        LocalTimes.moment(at, zone, AdminLanguage.locale()))));
        return "redirect:" + scope.base() + (visible ? "/rounds/" + number : "/rounds");
    }

    private String roundsPage(CampaignScope scope, StartForm form,
                              Map<String, String> errors, String error, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        String base = scope.base();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.rounds", campaign.name()), organisation, authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), null, AdminLanguage.text("tab.rounds")));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "rounds"));
        model.addAttribute("base", base);
        model.addAttribute("campaignName", campaign.name());
        ZoneId zone = pages.zone(organisation, campaign);
        model.addAttribute("zone", LocalTimes.zoneName(zone));
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (RoundView round : pages.queryList(new FindRounds(organisation.organisationId(), campaign.campaignId()),
                RoundView.class)) {
            Map<String, Object> row = RoundPages.summary(round, zone);
            row.put("href", base + "/rounds/" + round.number());
            rounds.add(row);
        }
        model.addAttribute("rounds", rounds);
        model.addAttribute("hasRounds", !rounds.isEmpty());
        boolean open = campaign.openRound() != null;
        model.addAttribute("openRound", open ? campaign.openRound().toString() : "");
        model.addAttribute("hasOpenRound", open);
        model.addAttribute("completed", campaign.completed());
        model.addAttribute("canStart", !open && !campaign.completed() && organisation.isActive());
        model.addAttribute("organisationInactive", !organisation.isActive());
        model.addAttribute("nextNumber", campaign.rounds() + 1);

        RosterView roster = pages.query(new FindRoster(organisation.organisationId(), campaign.campaignId()),
                RosterView.class);
        List<Map<String, Object>> will = new ArrayList<>();
        List<Map<String, Object>> wont = new ArrayList<>();
        if (roster != null) {
            for (PersonView person : roster.nextRound()) {
                will.add(person(person, "SEED".equals(person.source()) ? AdminLanguage.text("rounds.why.seed")
                        : AdminLanguage.text("rounds.why.nominated", person.enteredRound())));
            }
            for (PersonView person : roster.people()) {
                if (person.contactedRound() != null) {
                    wont.add(person(person, AdminLanguage.text("rounds.whyNot.asked", person.contactedRound())));
                }
            }
        }
        model.addAttribute("willContact", will);
        model.addAttribute("willContactCount", will.size());
        model.addAttribute("hasWillContact", !will.isEmpty());
        model.addAttribute("wontContact", wont);
        model.addAttribute("wontContactCount", wont.size());
        model.addAttribute("hasWontContact", !wont.isEmpty());

        Map<String, Object> start = form.model();
        start.put("errors", new LinkedHashMap<>(errors));
        start.put("min", LocalTimes.inputValue(Instant.now().plus(1, ChronoUnit.HOURS), zone));
        model.addAttribute("start", start);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return LIST;
    }

    private static Map<String, Object> person(PersonView person, String why) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", AdminPages.text(person.name()));
        row.put("email", AdminPages.text(person.email()));
        row.put("why", why);
        row.put("personId", person.personId().value().toString());
        return row;
    }

    private static Integer parse(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The start form as typed. */
    record StartForm(String deadline, boolean reminderEnabled, String reminderDays) {

        static StartForm defaults(CampaignView campaign, ZoneId zone) {
            // the campaign's default length, ending at 17:00 local time: deadlines like 16:37 (or 02:00) look accidental
            Instant deadline = LocalDate.now(zone).plusDays(campaign.defaultRoundDays()).atTime(LocalTime.of(17, 0))
                    .atZone(zone).toInstant();
            return new StartForm(LocalTimes.inputValue(deadline, zone), campaign.reminderEnabled(),
                    Integer.toString(campaign.reminderDaysBefore()));
        }

        Map<String, Object> model() {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("deadline", deadline);
            model.put("reminderEnabled", reminderEnabled);
            model.put("reminderDays", reminderDays);
            return model;
        }
    }
}
