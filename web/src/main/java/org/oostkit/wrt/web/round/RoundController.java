package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundCommands.ExtendRound;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * One round: its detail with live counts, closing and extending it, and sending an invitation again whose mail
 * failed or may not have gone out.
 */
@Controller
class RoundController {

    /** How long one live connection lasts; the browser's EventSource reconnects by itself. */
    static final Duration LIVE_FOR = Duration.ofMinutes(30);

    private final AdminPages pages;
    private final RoundPages roundPages;
    private final LiveRound live;
    private final InvitationResends resends;

    RoundController(AdminPages pages, RoundPages roundPages, LiveRound live, InvitationResends resends) {
        this.pages = pages;
        this.roundPages = roundPages;
        this.live = live;
        this.resends = resends;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/rounds/{number}")
    String round(CampaignScope scope, @PathVariable int number,
                 @RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
                 Authentication authentication, Model model) {
        RoundView round = roundPages.round(scope, number);
        return roundPages.roundPage(scope, round, status, page, null, null, authentication, model);
    }

    /** Server-sent events: the round's counts now and after every change, while the connection lasts. */
    @GetMapping(path = "/org/{slug}/campaigns/{id}/rounds/{number}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<RoundViews.LiveNumbers>> live(CampaignScope scope, @PathVariable int number,
                                                     HttpServletResponse response) {
        roundPages.round(scope, number);
        // events must reach the browser as they happen: no caching, and no buffering in a reverse proxy (nginx)
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return live.counts(new FindRound(scope.organisationId(), scope.campaignId(), number), LIVE_FOR)
                .map(view -> ServerSentEvent.<RoundViews.LiveNumbers>builder(RoundViews.LiveNumbers.of(view))
                        .event("round").id(Long.toString(System.currentTimeMillis())).build());
    }

    @GetMapping("/org/{slug}/campaigns/{id}/rounds/{number}/close")
    String confirmClose(@AdminOnly CampaignScope scope, @PathVariable int number,
                        Authentication authentication, Model model) {
        RoundView round = roundPages.round(scope, number);
        return roundPages.closePage(scope, round, null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/close")
    String close(@AdminOnly CampaignScope scope, @PathVariable int number,
                 Authentication authentication, Model model, RedirectAttributes redirect) {
        RoundView round = roundPages.round(scope, number);
        try {
            pages.send(new CloseRound(round.roundId(), scope.organisationId()), authentication);
        } catch (RuleViolation refused) {
            return roundPages.closePage(scope, round, Refusals.text(refused), authentication, model);
        }
        boolean visible = pages.caughtUp(new FindRound(scope.organisationId(), scope.campaignId(), number),
                RoundView.class, view -> view != null && !view.open());
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                AdminLanguage.text("flash.roundClosed", number)
                        + (visible ? "" : " " + AdminLanguage.text("flash.pageLags"))));
        return "redirect:" + scope.base() + "/rounds/" + number;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/extend")
    String extend(@AdminOnly CampaignScope scope, @PathVariable int number,
                  @RequestParam(defaultValue = "") String deadline, Authentication authentication, Model model,
                  RedirectAttributes redirect) {
        RoundView round = roundPages.round(scope, number);
        ZoneId zone = pages.zone(scope.organisation(), scope.campaign());
        Instant at = LocalTimes.fromInput(deadline, zone);
        String problem = null;
        if (at == null) {
            problem = AdminLanguage.text("round.error.deadlineMissing");
        } else if (round.deadline() != null && !at.isAfter(round.deadline())) {
            problem = AdminLanguage.text("round.error.deadlineEarlier",
                    LocalTimes.moment(round.deadline(), zone, AdminLanguage.locale()));
        }
        if (problem == null) {
            try {
                pages.send(new ExtendRound(round.roundId(), scope.organisationId(), at), authentication);
            } catch (RuleViolation refused) {
                problem = Refusals.text(refused);
            }
        }
        if (problem != null) {
            return roundPages.roundPage(scope, round, null, 1, deadline, problem, authentication, model);
        }
        Instant wanted = at;
        boolean visible = pages.caughtUp(new FindRound(scope.organisationId(), scope.campaignId(), number),
                RoundView.class, view -> view != null && wanted.equals(view.deadline()));
        redirect.addFlashAttribute("flash", Map.of("kind", visible ? "ok" : "warn", "message",
                AdminLanguage.text("flash.roundExtended", number, LocalTimes.moment(at, zone, AdminLanguage.locale()))
                        + (visible ? "" : " " + AdminLanguage.text("flash.pageLags"))));
        return "redirect:" + scope.base() + "/rounds/" + number;
    }

    /**
     * "Send again": one invitation ({@code invitation}) whose mail failed or may not have gone out, or every
     * invitation listed as "not sure this mail went out" ({@code all}). Each is a decision recorded with the
     * admin's name; the mails go out through the outbox with fresh links.
     */
    @PostMapping("/org/{slug}/campaigns/{id}/rounds/{number}/send-again")
    String sendAgain(@AdminOnly CampaignScope scope, @PathVariable int number,
                     @RequestParam(required = false) UUID invitation,
                     @RequestParam(defaultValue = "false") boolean all,
                     Authentication authentication, RedirectAttributes redirect) {
        RoundView round = roundPages.round(scope, number);
        String here = "redirect:" + scope.base() + "/rounds/" + number;
        if (!round.open()) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    AdminLanguage.text("flash.roundClosedNoResend")));
            return here;
        }
        if (all) {
            InvitationResends.Outcome outcome = resends.sendAllAgain(scope.organisationId(),
                    scope.campaignId(), number, authentication);
            String message = outcome.sent() == 0 && outcome.refused().isEmpty()
                    ? AdminLanguage.text("flash.nothingToResend")
                    : AdminLanguage.text("flash.resentAll", outcome.sent())
                    + (outcome.refused().isEmpty() ? "" : " " + AdminLanguage.text("flash.resentRefused",
                    outcome.refused().size(), outcome.refused().get(0)));
            redirect.addFlashAttribute("flash", Map.of("kind", outcome.refused().isEmpty() ? "ok" : "warn",
                    "message", message));
            return here;
        }
        if (invitation == null) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    AdminLanguage.text("flash.chooseInvitation")));
            return here;
        }
        try {
            ContactView contact = resends.sendAgain(scope.organisationId(), scope.campaignId(), number,
                    new InvitationId(invitation), authentication).orElseThrow();
            redirect.addFlashAttribute("flash", Map.of("kind", "ok", "message",
                    AdminLanguage.text("flash.resentOne", AdminPages.text(contact.name()))));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message", Refusals.text(refused)));
        }
        return here;
    }
}
