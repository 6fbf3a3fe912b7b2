package org.oostkit.wrt.web.round;

import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundCommands.ExtendRound;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoundReasons;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.security.OrganisationRoles;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Rounds of a campaign: the list with the start form (and who will and will not be asked), the round detail
 * with live counts and the per-contact table, closing and extending, and sending an invitation again whose mail
 * failed or may not have gone out.
 */
@Controller
class RoundController {

    static final String LIST = "round/rounds";
    static final String DETAIL = "round/round";
    static final String CLOSE = "round/close";
    static final int PAGE_SIZE = 50;
    /** How long one live connection lasts; the browser's EventSource reconnects by itself. */
    static final Duration LIVE_FOR = Duration.ofMinutes(30);
    private static final Set<String> FILTERS = Set.of("PENDING", "SENT", "FAILED", "UNCERTAIN", "DELIVERED", "OPENED",
            "CLICKED", "BOUNCED", "SPAM_COMPLAINT", "RESPONDED", "NOT_RESPONDED");

    private final AdminPages pages;
    private final LiveRound live;
    private final InvitationResends resends;
    /** Whether a mail provider reports deliveries, opens, bounces and complaints (WRT_MAIL_PROVIDER). */
    private final boolean providerReports;

    RoundController(AdminPages pages, LiveRound live, InvitationResends resends,
                    @Value("${wrt.mail.provider:none}") String provider) {
        this.pages = pages;
        this.live = live;
        this.resends = resends;
        this.providerReports = provider != null && !provider.isBlank() && !"none".equalsIgnoreCase(provider.strip());
    }

    @GetMapping("/org/{slug}/campaigns/{id}/rounds")
    String rounds(@PathVariable String slug, @PathVariable UUID id, Authentication authentication, Model model) {
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        StartForm form = StartForm.defaults(campaign, pages);
        return roundsPage(organisation, campaign, form, Map.of(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds")
    String start(@PathVariable String slug, @PathVariable UUID id,
                 @RequestParam(defaultValue = "") String deadline,
                 @RequestParam(defaultValue = "false") boolean reminderEnabled,
                 @RequestParam(defaultValue = "") String reminderDays,
                 Authentication authentication, Model model, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        StartForm form = new StartForm(deadline, reminderEnabled, reminderDays);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant at = pages.fromInput(deadline);
        if (at == null) {
            errors.put("deadline", "Enter the deadline as a date and time.");
        } else if (!at.isAfter(Instant.now())) {
            errors.put("deadline", "The deadline must be in the future.");
        }
        Integer days = parse(reminderDays);
        if (reminderEnabled && (days == null || days < CampaignSettings.REMINDER_DAYS_MIN
                || days > CampaignSettings.REMINDER_DAYS_MAX)) {
            errors.put("reminderDays", "The reminder must be a whole number of days from "
                    + CampaignSettings.REMINDER_DAYS_MIN + " to " + CampaignSettings.REMINDER_DAYS_MAX + ".");
        }
        if (!errors.isEmpty()) {
            return roundsPage(organisation, campaign, form, errors, null, authentication, model);
        }
        int number;
        try {
            number = pages.send(new StartRound(campaign.campaignId(), organisation.organisationId(), RoundId.random(),
                    at, reminderEnabled, reminderEnabled ? days : 0), authentication);
        } catch (RuleViolation refused) {
            String field = refused.rule().startsWith("deadline") ? "deadline"
                    : refused.rule().startsWith("reminder") ? "reminderDays" : null;
            return roundsPage(organisation, campaign, form,
                    field == null ? Map.of() : Map.of(field, refused.getMessage()),
                    field == null ? refused.getMessage() : null, authentication, model);
        }
        boolean visible = pages.caughtUp(new FindRound(organisation.organisationId(), campaign.campaignId(), number),
                RoundView.class, Objects::nonNull);
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                "Round " + number + " started: the invitations are being sent. Delivery and answers appear here "
                        + "as they happen" + (visible ? "." : " (the round shows within a few seconds; reload "
                        + "if it is not there yet).")));
        return "redirect:/org/" + slug + "/campaigns/" + id + (visible ? "/rounds/" + number : "/rounds");
    }

    @GetMapping("/org/{slug}/campaigns/{id}/rounds/{number}")
    String round(@PathVariable String slug, @PathVariable UUID id, @PathVariable int number,
                 @RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
                 Authentication authentication, Model model) {
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        RoundView round = round(organisation, campaign, number);
        return roundPage(organisation, campaign, round, status, page, null, null, authentication, model);
    }

    /** Server-sent events: the round's counts now and after every change, while the connection lasts. */
    @GetMapping(path = "/org/{slug}/campaigns/{id}/rounds/{number}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<Map<String, Object>>> live(@PathVariable String slug, @PathVariable UUID id,
                                                     @PathVariable int number, HttpServletResponse response) {
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        round(organisation, campaign, number);
        // events must reach the browser as they happen: no caching, and no buffering in a reverse proxy (nginx)
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return live.counts(new FindRound(organisation.organisationId(), campaign.campaignId(), number), LIVE_FOR)
                .map(view -> ServerSentEvent.<Map<String, Object>>builder(numbers(view))
                        .event("round").id(Long.toString(System.currentTimeMillis())).build());
    }

    @GetMapping("/org/{slug}/campaigns/{id}/rounds/{number}/close")
    String confirmClose(@PathVariable String slug, @PathVariable UUID id, @PathVariable int number,
                        Authentication authentication, Model model) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        RoundView round = round(organisation, campaign, number);
        return closePage(organisation, campaign, round, null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/close")
    String close(@PathVariable String slug, @PathVariable UUID id, @PathVariable int number,
                 Authentication authentication, Model model, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        RoundView round = round(organisation, campaign, number);
        try {
            pages.send(new CloseRound(round.roundId(), organisation.organisationId()), authentication);
        } catch (RuleViolation refused) {
            return closePage(organisation, campaign, round, refused.getMessage(), authentication, model);
        }
        boolean visible = pages.caughtUp(new FindRound(organisation.organisationId(), campaign.campaignId(), number),
                RoundView.class, view -> view != null && !view.open());
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                "Round " + number + " closed: nominations can no longer be changed."
                        + (visible ? "" : " The page shows it within a few seconds.")));
        return "redirect:/org/" + slug + "/campaigns/" + id + "/rounds/" + number;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/extend")
    String extend(@PathVariable String slug, @PathVariable UUID id, @PathVariable int number,
                  @RequestParam(defaultValue = "") String deadline, Authentication authentication, Model model,
                  RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        RoundView round = round(organisation, campaign, number);
        Instant at = pages.fromInput(deadline);
        String problem = null;
        if (at == null) {
            problem = "Enter the new deadline as a date and time.";
        } else if (round.deadline() != null && !at.isAfter(round.deadline())) {
            problem = "The new deadline must be later than the current one (" + pages.shown(round.deadline()) + ").";
        }
        if (problem == null) {
            try {
                pages.send(new ExtendRound(round.roundId(), organisation.organisationId(), at), authentication);
            } catch (RuleViolation refused) {
                problem = refused.getMessage();
            }
        }
        if (problem != null) {
            return roundPage(organisation, campaign, round, null, 1, deadline, problem, authentication, model);
        }
        Instant wanted = at;
        boolean visible = pages.caughtUp(new FindRound(organisation.organisationId(), campaign.campaignId(), number),
                RoundView.class, view -> view != null && wanted.equals(view.deadline()));
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                "Round " + number + " now closes " + pages.shown(at) + "; the reminder moves with it."
                        + (visible ? "" : " The page shows it within a few seconds.")));
        return "redirect:/org/" + slug + "/campaigns/" + id + "/rounds/" + number;
    }

    /**
     * "Send again": one invitation ({@code invitation}) whose mail failed or may not have gone out, or every
     * invitation listed as "not sure this mail went out" ({@code all}). Each is a decision recorded with the
     * admin's name; the mails go out through the outbox with fresh links.
     */
    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/send-again")
    String sendAgain(@PathVariable String slug, @PathVariable UUID id, @PathVariable int number,
                     @RequestParam(required = false) UUID invitation,
                     @RequestParam(defaultValue = "false") boolean all,
                     Authentication authentication, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        RoundView round = round(organisation, campaign, number);
        String here = "redirect:/org/" + slug + "/campaigns/" + id + "/rounds/" + number;
        if (!round.open()) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    "This round is closed: its invitations are not sent again."));
            return here;
        }
        if (all) {
            InvitationResends.Outcome outcome = resends.sendAllAgain(organisation.organisationId(),
                    campaign.campaignId(), number, authentication);
            String message = outcome.sent() == 0 && outcome.refused().isEmpty()
                    ? "No invitation of this round is waiting to be sent again."
                    : outcome.sent() + (outcome.sent() == 1 ? " invitation is" : " invitations are")
                    + " being sent again, each with a new link."
                    + (outcome.refused().isEmpty() ? "" : " " + outcome.refused().size() + " could not be: "
                    + outcome.refused().get(0));
            redirect.addFlashAttribute("flash", Map.of("kind", outcome.refused().isEmpty() ? "ok" : "warn",
                    "message", message));
            return here;
        }
        if (invitation == null) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    "Choose the invitation to send again."));
            return here;
        }
        try {
            ContactView contact = resends.sendAgain(organisation.organisationId(), campaign.campaignId(), number,
                    new InvitationId(invitation), authentication).orElseThrow();
            redirect.addFlashAttribute("flash", Map.of("kind", "ok", "message",
                    "The invitation to " + AdminPages.text(contact.name()) + " is being sent again, with a new link."));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message", refused.getMessage()));
        }
        return here;
    }

    private RoundView round(OrganisationView organisation, CampaignView campaign, int number) {
        RoundView round = pages.query(new FindRound(organisation.organisationId(), campaign.campaignId(), number),
                RoundView.class);
        if (round == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such round");
        }
        return round;
    }

    private String roundsPage(OrganisationView organisation, CampaignView campaign, StartForm form,
                              Map<String, String> errors, String error, Authentication authentication, Model model) {
        String slug = organisation.slug();
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        model.addAllAttributes(pages.page("Rounds of " + campaign.name(), organisation, authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), null, "Rounds"));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "rounds"));
        model.addAttribute("base", base);
        model.addAttribute("campaignName", campaign.name());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (RoundView round : pages.queryList(new FindRounds(organisation.organisationId(), campaign.campaignId()),
                RoundView.class)) {
            Map<String, Object> row = summary(round);
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
                will.add(person(person, "SEED".equals(person.source()) ? "seed group"
                        : "nominated in round " + person.enteredRound() + ", not asked yet"));
            }
            for (PersonView person : roster.people()) {
                if (person.contactedRound() != null) {
                    wont.add(person(person, "already asked in round " + person.contactedRound()
                            + " (each person is asked once per campaign)"));
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
        start.put("min", pages.inputValue(Instant.now().plus(1, ChronoUnit.HOURS)));
        model.addAttribute("start", start);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return LIST;
    }

    private String roundPage(OrganisationView organisation, CampaignView campaign, RoundView round, String status,
                             int page, String extendValue, String extendError, Authentication authentication,
                             Model model) {
        String slug = organisation.slug();
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        String here = base + "/rounds/" + round.number();
        model.addAllAttributes(pages.page("Round " + round.number() + " of " + campaign.name(), organisation,
                authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), base + "/rounds", "Rounds", null, "Round " + round.number()));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "rounds"));
        model.addAttribute("base", base);
        model.addAttribute("here", here);
        Map<String, Object> summary = summary(round);
        summary.putAll(numbers(round));
        model.addAttribute("round", summary);
        model.addAttribute("liveUrl", here + "/live");
        // counters nobody reports would stay 0 forever and read as "nobody opened it"
        model.addAttribute("providerCounts", providerReports || round.delivered() + round.opened() + round.clicked()
                + round.bounced() + round.spamComplaints() > 0);
        model.addAttribute("extend", Map.of(
                "value", extendValue != null ? extendValue : pages.inputValue(round.deadline() == null ? null
                        : round.deadline().plus(7, ChronoUnit.DAYS)),
                "min", pages.inputValue(round.deadline())));
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
            rows.add(contact(contact));
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
                inDoubt.add(contact(contact));
            }
        }
        model.addAttribute("inDoubt", inDoubt);
        model.addAttribute("inDoubtCount", inDoubt.size());
        model.addAttribute("hasInDoubt", !inDoubt.isEmpty());
        return DETAIL;
    }

    private String closePage(OrganisationView organisation, CampaignView campaign, RoundView round, String error,
                             Authentication authentication, Model model) {
        String slug = organisation.slug();
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        model.addAllAttributes(pages.page("Close round " + round.number(), organisation, authentication,
                "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), base + "/rounds", "Rounds", base + "/rounds/" + round.number(),
                "Round " + round.number(), null, "Close"));
        Map<String, Object> summary = summary(round);
        summary.putAll(numbers(round));
        model.addAttribute("round", summary);
        model.addAttribute("here", base + "/rounds/" + round.number());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return CLOSE;
    }

    private Map<String, Object> summary(RoundView round) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", round.number());
        row.put("open", round.open());
        row.put("statusLabel", round.open() ? "open" : "closed");
        row.put("statusClass", round.open() ? "ok" : "");
        row.put("started", pages.shown(round.startedAt()));
        row.put("deadline", pages.shown(round.deadline()));
        // a closed round sends no reminder any more: only one already sent is worth mentioning
        row.put("hasReminder", round.reminderAt() != null && (round.open() || round.reminderSentAt() != null));
        row.put("reminder", pages.shown(round.reminderAt()));
        row.put("reminderSent", round.reminderSentAt() != null);
        row.put("reminderSentAt", pages.shown(round.reminderSentAt()));
        row.put("closed", pages.shown(round.closedAt()));
        row.put("closeReason", "DEADLINE_PASSED".equals(round.closeReason()) ? "at its deadline"
                : "CLOSED_BY_ADMIN".equals(round.closeReason()) ? "by an admin" : "");
        row.put("hasCloseReason", round.closeReason() != null);
        row.put("contacted", round.contacted());
        row.put("responded", round.responded());
        row.put("responseRate", AdminPages.percent(round.responseRate()));
        return row;
    }

    /** The live numbers, under the names the page's {@code data-live} attributes use. */
    static Map<String, Object> numbers(RoundView round) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("status", round.open() ? "open" : "closed");
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

    private Map<String, Object> contact(ContactView contact) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", AdminPages.text(contact.name()));
        row.put("email", AdminPages.text(contact.email()));
        String status = AdminPages.text(contact.deliveryStatus());
        row.put("status", status.toLowerCase().replace('_', ' '));
        row.put("statusClass", switch (status) {
            case "DELIVERED", "OPENED", "CLICKED" -> "ok";
            case "FAILED", "BOUNCED", "SPAM_COMPLAINT" -> "bad";
            case "UNCERTAIN" -> "warn";
            default -> "";
        });
        if (contact.uncertain()) {
            row.put("status", "not sure it went out");
        }
        row.put("invitation", contact.invitationId().toString());
        row.put("resendable", contact.uncertain() || contact.failed());
        row.put("failure", AdminPages.text(contact.failureReason()));
        row.put("hasFailure", contact.failureReason() != null && !contact.failureReason().isBlank());
        row.put("linkOpened", pages.shown(contact.linkOpenedAt()));
        row.put("verified", pages.shown(contact.verifiedAt()));
        row.put("responded", contact.responded());
        row.put("respondedAt", pages.shown(contact.respondedAt()));
        row.put("nominees", contact.nominees());
        row.put("reminded", pages.shown(contact.remindedAt()));
        return row;
    }

    private static Map<String, Object> person(PersonView person, String why) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", AdminPages.text(person.name()));
        row.put("email", AdminPages.text(person.email()));
        row.put("why", why);
        row.put("personId", person.personId().value().toString());
        return row;
    }

    private static List<Map<String, Object>> filterOptions(String current) {
        String[][] options = {{"", "everyone"}, {"RESPONDED", "responded"}, {"NOT_RESPONDED", "not responded"},
                {"PENDING", "mail pending"}, {"SENT", "sent"}, {"DELIVERED", "delivered"}, {"OPENED", "opened"},
                {"CLICKED", "clicked"}, {"BOUNCED", "bounced"}, {"SPAM_COMPLAINT", "spam complaint"},
                {"FAILED", "sending failed"}, {"UNCERTAIN", "not sure it went out"}};
        List<Map<String, Object>> list = new ArrayList<>();
        for (String[] option : options) {
            list.add(Map.of("value", option[0], "label", option[1], "selected", option[0].equals(current)));
        }
        return list;
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

        static StartForm defaults(CampaignView campaign, AdminPages pages) {
            // the campaign's default length, at the full hour: deadlines like 16:37 look accidental
            Instant deadline = Instant.now().plus(campaign.defaultRoundDays(), ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            return new StartForm(pages.inputValue(deadline), campaign.reminderEnabled(),
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
