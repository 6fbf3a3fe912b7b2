package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.FormErrors;
import jakarta.validation.Valid;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
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
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.round.RoundViews.RoundModel;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    @InitBinder("startRound")
    void startRules(WebDataBinder binder) {
        binder.addValidators(new StartRoundForm.Rules());
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds")
    String start(@AdminOnly CampaignScope scope, @Valid @ModelAttribute("startRound") StartRoundForm typed,
                 BindingResult binding, Authentication authentication, Model model, RedirectAttributes redirect) {
        boolean reminderEnabled = typed.isReminderEnabled();
        StartForm form = new StartForm(typed.getDeadline(), reminderEnabled, typed.getReminderDays());
        ZoneId zone = pages.zone(scope.organisation(), scope.campaign());
        typed.checkDeadline(zone, binding);
        Instant at = typed.deadlineIn(zone);
        Integer days = typed.days();
        Map<String, String> errors = FormErrors.of(binding);
        if (!errors.isEmpty()) {
            return roundsPage(scope, form, errors, null, authentication, model);
        }
        int number;
        try {
            number = pages.send(new StartRound(scope.campaignId(), scope.organisationId(), RoundId.random(),
                    at, reminderEnabled, reminderEnabled ? days : 0), authentication);
        } catch (RuleViolation refused) {
            String field = switch (refused.violated()) {
                case DEADLINE_IN_PAST, DEADLINE_TOO_FAR, DEADLINE_NOT_LATER -> "deadline";
                case REMINDER_INVALID, REMINDER_IN_PAST -> "reminderDays";
                default -> null;
            };
            return roundsPage(scope, form,
                    field == null ? Map.of() : Map.of(field, Refusals.text(refused)),
                    field == null ? Refusals.text(refused) : null, authentication, model);
        }
        boolean visible = pages.caughtUp(new FindRound(scope.organisationId(), scope.campaignId(), number),
                RoundView.class, Objects::nonNull);
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                AdminLanguage.text(visible ? "flash.roundStarted" : "flash.roundStartedLagging", number,
                        LocalTimes.moment(at, zone, AdminLanguage.locale()))));
        return "redirect:" + scope.base() + (visible ? "/rounds/" + number : "/rounds");
    }

    /** The rounds list with its start form ({@code round/rounds}), on top of the admin frame. */
    record RoundsPage(List<AdminPages.Crumb> crumbs, List<AdminPages.NavItem> tabs, String base, String campaignName,
                      String zone, List<RoundModel> rounds, boolean hasRounds, String openRound, boolean hasOpenRound,
                      boolean completed, boolean canStart, boolean organisationInactive, int nextNumber,
                      List<PersonRow> willContact, int willContactCount, boolean hasWillContact,
                      List<PersonRow> wontContact, int wontContactCount, boolean hasWontContact, StartModel start,
                      String error) {
    }

    /** Someone the next round will (or will not) ask, and why. */
    record PersonRow(String name, String email, String why, String personId) {

        static PersonRow of(PersonView person, String why) {
            return new PersonRow(AdminPages.text(person.name()), AdminPages.text(person.email()), why,
                    person.personId().value().toString());
        }
    }

    /** The start form as typed, each field's message (if any) and the earliest deadline allowed. */
    record StartModel(String deadline, boolean reminderEnabled, String reminderDays, Map<String, String> errors,
                      String min) {
    }

    private String roundsPage(CampaignScope scope, StartForm form,
                              Map<String, String> errors, String error, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        String base = scope.base();
        ZoneId zone = pages.zone(organisation, campaign);
        List<RoundModel> rounds = pages.queryList(new FindRounds(organisation.organisationId(),
                        campaign.campaignId()), RoundView.class).stream()
                .map(round -> RoundModel.of(round, zone, base + "/rounds/" + round.number())).toList();
        boolean open = campaign.openRound() != null;

        RosterView roster = pages.query(new FindRoster(organisation.organisationId(), campaign.campaignId()),
                RosterView.class);
        List<PersonRow> will = new ArrayList<>();
        List<PersonRow> wont = new ArrayList<>();
        if (roster != null) {
            for (PersonView person : roster.nextRound()) {
                will.add(PersonRow.of(person, "SEED".equals(person.source()) ? AdminLanguage.text("rounds.why.seed")
                        : AdminLanguage.text("rounds.why.nominated", person.enteredRound())));
            }
            for (PersonView person : roster.people()) {
                if (person.contactedRound() != null) {
                    wont.add(PersonRow.of(person, AdminLanguage.text("rounds.whyNot.asked", person.contactedRound())));
                }
            }
        }

        model.addAllAttributes(pages.page(AdminLanguage.text("title.rounds", campaign.name()), organisation, authentication,
                "campaign"));
        model.addAllAttributes(PageModel.attributes(new RoundsPage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(), null,
                        AdminLanguage.text("tab.rounds")),
                AdminPages.tabs(slug, campaign, "rounds"), base, campaign.name(), LocalTimes.zoneName(zone),
                rounds, !rounds.isEmpty(), open ? campaign.openRound().toString() : "", open, campaign.completed(),
                !open && !campaign.completed() && organisation.isActive(), !organisation.isActive(),
                campaign.rounds() + 1, will, will.size(), !will.isEmpty(), wont, wont.size(), !wont.isEmpty(),
                new StartModel(form.deadline(), form.reminderEnabled(), form.reminderDays(),
                        new LinkedHashMap<>(errors), LocalTimes.inputValue(Instant.now().plus(1, ChronoUnit.HOURS), zone)),
                error)));
        return LIST;
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
    }
}
