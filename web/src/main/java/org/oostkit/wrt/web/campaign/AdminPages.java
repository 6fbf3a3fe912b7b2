package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final QueryGateway queries;
    private final CommandGateway commands;

    AdminPages(QueryGateway queries, CommandGateway commands) {
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
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Actor.admin(admin.getName()).asMetaData()));
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

    /** The model every admin page starts with. */
    public Map<String, Object> page(String title, OrganisationView organisation, Authentication authentication,
                                    String currentNav) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("slug", organisation.slug());
        model.put("organisationName", organisation.name());
        model.put("isAdmin", OrganisationRoles.isAdmin(authentication, organisation.slug()));
        if (authentication != null) {
            model.put("signedInAs", authentication.getName());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(navItem("/org/" + organisation.slug() + "/manage", AdminLanguage.text("nav.campaigns"), "manage".equals(currentNav)));
        items.add(navItem("/org/" + organisation.slug() + "/settings", AdminLanguage.text("nav.settings"), "settings".equals(currentNav)));
        model.put("nav", Map.of("items", items));
        model.put("zone", LocalTimes.zoneName(organisation.timeZone()));
        return model;
    }

    /** Breadcrumbs: organisation › … ; the last crumb is the current page (no link). */
    public static List<Map<String, Object>> crumbs(String... hrefLabelPairs) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        for (int i = 0; i < hrefLabelPairs.length; i += 2) {
            Map<String, Object> crumb = new LinkedHashMap<>();
            crumb.put("label", hrefLabelPairs[i + 1]);
            boolean last = i + 2 >= hrefLabelPairs.length;
            if (!last && hrefLabelPairs[i] != null) {
                crumb.put("href", hrefLabelPairs[i]);
            }
            crumb.put("last", last);
            crumbs.add(crumb);
        }
        return crumbs;
    }

    /** The campaign's section links, the current one marked. */
    public static List<Map<String, Object>> tabs(String slug, CampaignView campaign, String current) {
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        List<Map<String, Object>> tabs = new ArrayList<>();
        tabs.add(navItem(base, AdminLanguage.text("tab.overview"), "overview".equals(current)));
        tabs.add(navItem(base + "/seed", AdminLanguage.text("tab.seed"), "seed".equals(current)));
        tabs.add(navItem(base + "/rounds", AdminLanguage.text("tab.rounds"), "rounds".equals(current)));
        tabs.add(navItem(base + "/results", AdminLanguage.text("tab.results"), "results".equals(current)));
        tabs.add(navItem(base + "/audit", AdminLanguage.text("tab.audit"), "audit".equals(current)));
        return tabs;
    }

    private static Map<String, Object> navItem(String href, String label, boolean current) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("href", href);
        item.put("label", label);
        item.put("current", current);
        return item;
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

    /** A response rate (0..1) as a whole percentage. */
    public static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    /** Null-safe text for Mustache, which refuses to print null. */
    public static String text(String value) {
        return value == null ? "" : value;
    }

    /** Previous/next links of a paged list for the templates; {@code prefix} ends with {@code ?} or {@code &}. */
    public static Map<String, Object> paging(String prefix, int current, int pages) {
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("current", current);
        paging.put("pages", pages);
        paging.put("many", pages > 1);
        paging.put("hasPrevious", current > 1);
        paging.put("previous", prefix + "page=" + (current - 1));
        paging.put("hasNext", current < pages);
        paging.put("next", prefix + "page=" + (current + 1));
        return paging;
    }
}
