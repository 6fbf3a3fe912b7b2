package org.oostkit.wrt.web.campaign;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Test data and read-side answers for the admin page slices: the query gateway is a mock (the read side
 * has its own tests on PostgreSQL); these helpers make it answer by query type.
 */
public final class AdminFixtures {

    public static final String SLUG = "demo";
    public static final OrganisationId ORG = new OrganisationId(UUID.fromString("0b6c1e9e-0000-4000-8000-000000000001"));
    public static final CampaignId CAMPAIGN = new CampaignId(UUID.fromString("c0ffee00-0000-4000-8000-000000000002"));
    public static final String BASE = "/org/" + SLUG + "/campaigns/" + CAMPAIGN;

    private AdminFixtures() {
    }

    public static RequestPostProcessor admin() {
        return user("admin@demo.org").authorities(new SimpleGrantedAuthority("org:" + SLUG + ":admin"));
    }

    public static RequestPostProcessor auditor() {
        return user("auditor@demo.org").authorities(new SimpleGrantedAuthority("org:" + SLUG + ":auditor"));
    }

    public static OrganisationView organisation() {
        return new OrganisationView(ORG, SLUG, "Demo organisation", OrganisationStatus.ACTIVE,
                List.of("admin@demo.org"), List.of("auditor@demo.org"), Instant.parse("2026-11-01T09:00:00Z"), java.time.ZoneOffset.UTC);
    }

    /** A campaign between rounds: 3 seeds, one round done. */
    public static CampaignView campaign() {
        return campaign(null, "ACTIVE", 1);
    }

    public static CampaignView campaign(Integer openRound, String status, int rounds) {
        return new CampaignView(CAMPAIGN, "Future of work", "Who should shape it?", "Please name people.", 2, 14,
                true, 3, status, Instant.parse("2026-11-02T10:00:00Z"),
                "COMPLETED".equals(status) ? Instant.parse("2026-11-20T10:00:00Z") : null,
                7, 3, 4, 4, rounds, openRound, 3, 2, 2.0 / 3, 6, 1);
    }

    /** The gateway answers queries of this type with {@code answer}. */
    public static <Q> void answer(QueryGateway queries, Class<Q> type, Object answer) {
        doReturn(CompletableFuture.completedFuture(answer)).when(queries).query(any(type), any(ResponseType.class));
    }

    /** Subscription queries of this type see {@code initial}, then the updates. */
    public static <Q> void subscription(QueryGateway queries, Class<Q> type, Object initial, Object... updates) {
        doReturn(new DefaultSubscriptionQueryResult<>(initial == null ? Mono.empty() : Mono.just(initial),
                Flux.fromArray(updates), () -> true))
                .when(queries).subscriptionQuery(any(type), any(ResponseType.class), any(ResponseType.class));
    }

    /** The organisation "demo" exists; its campaigns state times in UTC. */
    public static void organisationExists(QueryGateway queries) {
        answer(queries, FindOrganisationBySlug.class, organisation());
        answer(queries, org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone.class,
                new org.oostkit.wrt.query.api.TimeZoneView(java.time.ZoneOffset.UTC, java.time.ZoneOffset.UTC, null));
    }
}
