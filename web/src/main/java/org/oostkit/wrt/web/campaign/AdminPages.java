package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * What every admin page needs besides its scope: queries and commands, the page frame (title, navigation,
 * breadcrumbs, who is signed in, whether they may change anything) and the zone a campaign's times are stated in.
 */
@Component
public class AdminPages {

    /** How long a POST waits for the read model to show its change before redirecting anyway. */
    public static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final QueryGateway queries;
    private final ActingCommandGateway commands;

    AdminPages(QueryGateway queries, ActingCommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    public <R> R query(Object query, Class<R> type) {
        return await(queries.query(query, ResponseTypes.instanceOf(type)));
    }

    public <R> List<R> queryList(Object query, Class<R> type) {
        List<R> answer = await(queries.query(query, ResponseTypes.multipleInstancesOf(type)));
        return answer == null ? List.of() : answer;
    }

    private static <R> R await(java.util.concurrent.CompletableFuture<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends a command as the signed-in admin and answers its result. A refused command throws
     * {@link RuleViolation} (also when it arrives wrapped, as from Axon Server).
     */
    public <R> R send(Object command, Authentication admin) {
        try {
            return commands.sendAndWait(command, Actor.admin(admin.getName()).value());
        } catch (HandlerExecutionException e) {
            Object details = e.getDetails().orElse(null);
            if (details instanceof RuleViolation violation) {
                throw violation;
            }
            throw e;
        }
    }

    /**
     * Waits (briefly) until the subscription query's answer satisfies {@code done}: the read model lags the
     * command side, and the page after a POST should show the change, not the state before it.
     *
     * @return whether the change became visible in time
     */
    public <V> boolean caughtUp(Object query, Class<V> type, Predicate<V> done) {
        SubscriptionQueryResult<V, V> result = null;
        try {
            result = queries.subscriptionQuery(query, ResponseTypes.instanceOf(type), ResponseTypes.instanceOf(type));
            // updates are registered before the initial answer is read, so no change falls in between
            V seen = result.initialResult().filter(done)
                    .switchIfEmpty(result.updates().filter(done).next())
                    .block(CATCH_UP);
            return seen != null;
        } catch (RuntimeException timeoutOrFailure) {
            // the command succeeded; the page after it says the read side may not show it yet
            return false;
        } finally {
            if (result != null) {
                result.cancel();
            }
        }
    }

    /** The frame every admin page shows: title, organisation, who is signed in, the navigation and the zone. */
    public record Frame(String title, String slug, String organisationName, boolean isAdmin, String signedInAs,
                       Nav nav, String zone) {
    }

    public record Nav(List<NavItem> items) {
    }

    /** A navigation link or campaign tab; {@code current} marks the page shown. */
    public record NavItem(String href, String label, boolean current) {
    }

    /** A breadcrumb; {@code href} is null for one without a link (always the last). */
    public record Crumb(String label, String href, boolean last) {
    }

    /** Previous/next links of a paged list. */
    public record Paging(int current, int pages, boolean many, boolean hasPrevious, String previous, boolean hasNext,
                         String next) {
    }

    /** The model every admin page starts with. */
    public Map<String, Object> page(String title, OrganisationView organisation, Authentication authentication,
                                    String currentNav) {
        String slug = organisation.slug();
        Nav nav = new Nav(List.of(
                new NavItem("/org/" + slug + "/manage", AdminLanguage.text("nav.campaigns"), "manage".equals(currentNav)),
                new NavItem("/org/" + slug + "/settings", AdminLanguage.text("nav.settings"), "settings".equals(currentNav))));
        return PageModel.attributes(new Frame(title, slug, organisation.name(),
                OrganisationRoles.isAdmin(authentication, slug),
                authentication == null ? null : authentication.getName(), nav,
                LocalTimes.zoneName(organisation.timeZone())));
    }

    /** Breadcrumbs: organisation › … ; the last crumb is the current page (no link). */
    public static List<Crumb> crumbs(String... hrefLabelPairs) {
        List<Crumb> crumbs = new ArrayList<>();
        for (int i = 0; i < hrefLabelPairs.length; i += 2) {
            boolean last = i + 2 >= hrefLabelPairs.length;
            crumbs.add(new Crumb(hrefLabelPairs[i + 1], last ? null : hrefLabelPairs[i], last));
        }
        return crumbs;
    }

    /** The campaign's section links, the current one marked. */
    public static List<NavItem> tabs(String slug, CampaignView campaign, String current) {
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        return List.of(
                new NavItem(base, AdminLanguage.text("tab.overview"), "overview".equals(current)),
                new NavItem(base + "/seed", AdminLanguage.text("tab.seed"), "seed".equals(current)),
                new NavItem(base + "/rounds", AdminLanguage.text("tab.rounds"), "rounds".equals(current)),
                new NavItem(base + "/results", AdminLanguage.text("tab.results"), "results".equals(current)),
                new NavItem(base + "/audit", AdminLanguage.text("tab.audit"), "audit".equals(current)));
    }

    /**
     * The zone in which this campaign's times are entered and shown: its own, else its organisation's. Pages
     * format with {@link LocalTimes} in this zone, so they read as the mails and the PDF do.
     */
    public ZoneId zone(OrganisationView organisation, CampaignView campaign) {
        TimeZoneView zones = query(new FindTimeZone(organisation.organisationId(), campaign.campaignId()),
                TimeZoneView.class);
        return zones == null ? organisation.timeZone() : zones.zone();
    }

    /** Null-safe text for Mustache, which refuses to print null. */
    public static String text(String value) {
        return value == null ? "" : value;
    }

    /** Previous/next links of a paged list for the templates; {@code prefix} ends with {@code ?} or {@code &}. */
    public static Paging paging(String prefix, int current, int pages) {
        return new Paging(current, pages, pages > 1, current > 1, prefix + "page=" + (current - 1), current < pages,
                prefix + "page=" + (current + 1));
    }

    /** The person's selection mail in the admin's words ("told on …", "not told: why", …); empty when none. */
    public static String told(ShortlistView.SelectionMail mail, ZoneId zone) {
        return told(mail, at -> LocalTimes.shortMoment(at, zone, AdminLanguage.locale()));
    }

    /** The same, with the moment it was told written by {@code moment}. */
    public static String told(ShortlistView.SelectionMail mail, java.util.function.Function<java.time.Instant, String> moment) {
        if (mail == null) {
            return "";
        }
        return switch (mail.state()) {
            case TOLD -> AdminLanguage.text("told.on", moment.apply(mail.at()));
            case UNCERTAIN -> AdminLanguage.text("told.uncertain");
            case NOT_SENT -> AdminLanguage.text("told.not", mail.reason() == null || mail.reason().isBlank()
                    ? AdminLanguage.text("told.failed") : mail.reason().replaceFirst("^not sent: ", ""));
            case SENDING -> AdminLanguage.text("told.sending");
        };
    }

}
