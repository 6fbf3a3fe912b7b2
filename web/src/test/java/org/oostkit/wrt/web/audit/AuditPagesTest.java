package org.oostkit.wrt.web.audit;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;
import org.oostkit.wrt.api.audit.AuditQueries.AuditTrailPage;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditEventTypes;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditTrail;
import org.oostkit.wrt.api.audit.IntegrityProblem;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.api.audit.VerifyIntegrity;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.ShortlistView.SelectionMail;
import org.oostkit.wrt.query.api.AsOfQueries.FindConvergenceAsOf;
import org.oostkit.wrt.query.api.AsOfQueries.FindStatisticsAsOf;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.util.HtmlUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {AuditController.class, AsOfController.class, OperatorIntegrityController.class},
        properties = "wrt.operator.api-key=" + AuditPagesTest.OPERATOR_KEY)
@Import({SecurityConfiguration.class, AuditPagesTest.FixedClock.class})
class AuditPagesTest {

    static final String OPERATOR_KEY = "audit-pages-operator-key";

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;

    private final OrganisationId orgId = OrganisationId.random();
    private final CampaignId campaignId = CampaignId.random();
    private final OrganisationView org = new OrganisationView(orgId, "demo", "Demo Org", OrganisationStatus.ACTIVE,
            List.of("admin@demo.test"), List.of("auditor@demo.test"), NOW, java.time.ZoneOffset.UTC);
    private final CampaignView campaign = new CampaignView(campaignId, "Future of work", "", "", 2, 14, false, 0,
            "ACTIVE", NOW, null, 3, 3, 0, 0, 1, null, 3, 1, 1 / 3.0, 2, 0);
    private String base;

    private static RequestPostProcessor auditor(String slug) {
        return user("auditor@demo.test").authorities(new SimpleGrantedAuthority("org:" + slug + ":auditor"));
    }

    /** The page as a reader's browser sees it: Mustache escapes {@code =} in links, browsers unescape it. */
    private static ResultMatcher html(Matcher<String> matcher) {
        return result -> MatcherAssert.assertThat(
                HtmlUtils.htmlUnescape(result.getResponse().getContentAsString()), matcher);
    }

    @BeforeEach
    void organisationAndCampaign() {
        base = "/org/demo/campaigns/" + campaignId;
        when(queries.query(any(FindOrganisationBySlug.class), any(ResponseType.class))).thenAnswer(call ->
                CompletableFuture.completedFuture(((FindOrganisationBySlug) call.getArgument(0)).slug().equals("demo")
                        ? org : null));
        // the operator API reads the organisation itself, with the other form of the query
        when(queries.query(any(FindOrganisationBySlug.class), eq(OrganisationView.class))).thenAnswer(call ->
                CompletableFuture.completedFuture(((FindOrganisationBySlug) call.getArgument(0)).slug().equals("demo")
                        ? org : null));
        when(queries.query(any(FindCampaign.class), any(ResponseType.class))).thenAnswer(call ->
                CompletableFuture.completedFuture(((FindCampaign) call.getArgument(0)).campaignId().equals(campaignId)
                        ? campaign : null));
        when(queries.query(any(FindAuditEventTypes.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of("CampaignCreated", "SeedPersonAdded")));
    }

    private AuditEntry entry(long index, String type, String summary) {
        return new AuditEntry(index, Instant.parse("2026-11-20T09:30:00Z").plusSeconds(index), "admin:admin@demo.test",
                type, summary, campaignId.toString(), index);
    }

    @Test
    @DisplayName("events read as words (also in the type filter) and nominators by name and address, not by invitation id")
    void humanLabelsAndNominatorNames() throws Exception {
        when(queries.query(any(FindAuditEventTypes.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of("NominationSubmitted", "CampaignCreated")));
        String invitation = "nominator:7d3c1a52-9f0e-4f5e-8c1a-2b3c4d5e6f70";
        String other = "nominator:0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
        AuditEntry submitted = new AuditEntry(42, Instant.parse("2026-11-20T09:31:00Z"), invitation,
                "NominationSubmitted", "Nominated 1 person: Bo <bo@x.test>", campaignId.toString(), 3);
        AuditEntry erased = new AuditEntry(43, Instant.parse("2026-11-20T09:32:00Z"), other,
                "InvitationLinkOpened", "Invitation link opened", campaignId.toString(), 1);
        when(queries.query(any(FindAuditTrail.class), eq(AuditTrailPage.class))).thenReturn(
                CompletableFuture.completedFuture(new AuditTrailPage(List.of(submitted, erased), null, null, false,
                        java.util.Map.of(invitation, "Ada Lovelace <ada@x.test>"))));

        mvc.perform(get(base + "/audit").with(auditor("demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"NominationSubmitted\">Nomination submitted</option>")))
                .andExpect(content().string(containsString("<td>Nomination submitted</td>")))
                .andExpect(content().string(containsString("<td>Invitation link opened</td>")))
                .andExpect(content().string(containsString("Nominator Ada Lovelace &lt;ada@x.test&gt;")))
                .andExpect(content().string(containsString(other)))
                .andExpect(content().string(not(containsString("<td>NominationSubmitted</td>"))));
    }

    @Test
    @DisplayName("an auditor reads the trail: time, actor, type, summary; filters go to the query; keyset links")
    void trail() throws Exception {
        ArgumentCaptor<FindAuditTrail> asked = ArgumentCaptor.forClass(FindAuditTrail.class);
        when(queries.query(asked.capture(), eq(AuditTrailPage.class))).thenReturn(CompletableFuture.completedFuture(
                new AuditTrailPage(List.of(entry(41, "SeedPersonAdded", "Seed person added: Ada <ada@x.test>")), 40L,
                        41L, false)));

        mvc.perform(get(base + "/audit").param("type", "SeedPersonAdded").param("actor", "admin@demo")
                        .param("from", "2026-11-20T09:00").param("after", "12").with(auditor("demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Seed person added: Ada &lt;ada@x.test&gt;")))
                .andExpect(content().string(containsString("2026-11-20 09:30:41 UTC")))
                .andExpect(content().string(containsString("admin:admin@demo.test")))
                .andExpect(content().string(containsString("<option value=\"SeedPersonAdded\" selected>Seed person added</option>")))
                .andExpect(html(containsString("after=41")))
                .andExpect(html(containsString("before=40")))
                .andExpect(html(containsString("/audit/export?type=SeedPersonAdded&actor=admin@demo&from=2026-11-20T09:00")))
                .andExpect(content().string(containsString("action=\"" + base + "/audit/integrity\"")));
        FindAuditTrail query = asked.getValue();
        assertThat(query.organisationId()).isEqualTo(orgId);
        assertThat(query.filter().eventType()).isEqualTo("SeedPersonAdded");
        assertThat(query.filter().actor()).isEqualTo("admin@demo");
        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(query.after()).isEqualTo(12L);
        assertThat(query.limit()).isEqualTo(AuditController.PAGE);
    }

    @Test
    @DisplayName("a Dutch admin reads what happened in Dutch; an entry the bundle cannot word keeps the English sentence")
    void dutchSummaries() throws Exception {
        PersonId ann = new PersonId(UUID.fromString("11111111-2222-4333-8444-555555555555"));
        AuditEntry seed = new AuditEntry(41, Instant.parse("2026-11-20T09:30:41Z"), "admin:admin@demo.test",
                "SeedPersonAdded", "Seed person added: Ada <ada@x.test>", campaignId.toString(), 1,
                "audit.SeedPersonAdded", List.of("Ada <ada@x.test>"));
        AuditEntry started = new AuditEntry(42, Instant.parse("2026-11-20T09:31:00Z"), "admin:admin@demo.test",
                "RoundStarted", "Round 1 started with 1 invitation, deadline 2026-12-04T17:00:00Z, no reminder",
                campaignId.toString(), 2, "audit.RoundStarted.noReminder", List.of(1, 1, "2026-12-04T17:00:00Z"));
        AuditEntry shortlisted = new AuditEntry(43, Instant.parse("2026-11-20T09:32:00Z"), "admin:admin@demo.test",
                "PersonShortlisted", "Chosen for the workshop shortlist (person " + ann + "), note: \"Knows both\"",
                campaignId.toString(), 3, "audit.PersonShortlisted", List.of(ann.toString(), "Knows both"));
        AuditEntry unknown = new AuditEntry(44, Instant.parse("2026-11-20T09:33:00Z"), "operator",
                "SomethingNew", "SomethingNew (count 3)", campaignId.toString(), 4);
        when(queries.query(any(FindAuditTrail.class), eq(AuditTrailPage.class))).thenReturn(
                CompletableFuture.completedFuture(new AuditTrailPage(List.of(seed, started, shortlisted, unknown), null,
                        null, false)));

        String dutch = mvc.perform(get(base + "/audit").header("Accept-Language", "nl-NL,nl;q=0.9")
                        .with(auditor("demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlUtils.htmlUnescape(dutch)).contains(
                        "<td>Persoon aan de startgroep toegevoegd: Ada <ada@x.test></td>",
                        "<td>Ronde 1 gestart met 1 uitnodiging, sluitingsdatum 2026-12-04T17:00:00Z, geen herinnering</td>",
                        "<td>Gekozen voor de shortlist van de workshop (persoon " + ann + "), notitie: \"Knows both\"</td>",
                        "<td>SomethingNew (count 3)</td>")
                .doesNotContain("Seed person added", "Round 1 started", "Chosen for");

        String english = mvc.perform(get(base + "/audit").header("Accept-Language", "en").with(auditor("demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlUtils.htmlUnescape(english)).contains("<td>" + seed.summary() + "</td>",
                "<td>" + started.summary() + "</td>", "<td>" + shortlisted.summary() + "</td>");
    }

    @Test
    @DisplayName("a bad date is a field message, not an error page")
    void badDate() throws Exception {
        mvc.perform(get(base + "/audit").param("from", "yesterday").with(auditor("demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a date and time")))
                .andExpect(content().string(containsString("value=\"yesterday\"")));
        verify(queries, never()).query(any(FindAuditTrail.class), eq(AuditTrailPage.class));
    }

    @Test
    @DisplayName("nobody else reads it: another organisation's auditor, an unknown campaign, a malformed id all get 404")
    void notFound() throws Exception {
        mvc.perform(get(base + "/audit").with(auditor("other"))).andExpect(status().isNotFound());
        mvc.perform(get("/org/demo/campaigns/" + UUID.randomUUID() + "/audit").with(auditor("demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/demo/campaigns/not-a-uuid/audit").with(auditor("demo"))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/results/as-of").with(auditor("other"))).andExpect(status().isNotFound());
        mvc.perform(post(base + "/audit/integrity").with(auditor("other")).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("the CSV export streams every page of the filtered trail, formulas neutralised")
    void export() throws Exception {
        when(queries.query(any(FindAuditTrail.class), eq(AuditTrailPage.class))).thenAnswer(call -> {
            FindAuditTrail q = call.getArgument(0);
            return CompletableFuture.completedFuture(q.after() == null
                    ? new AuditTrailPage(List.of(entry(1, "CampaignCreated", "Campaign \"X\" created")), null, 1L, false)
                    : new AuditTrailPage(List.of(entry(2, "SeedPersonAdded", "=HYPERLINK(\"evil\")")), 1L, null, false));
        });
        MvcResult started = mvc.perform(get(base + "/audit/export").with(auditor("demo")))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("audit-demo-" + campaignId + ".csv")))
                .andExpect(content().string("Position,Time (UTC),Actor,Event,Summary,Aggregate,Sequence\r\n"
                        + "1,2026-11-20T09:30:01Z,admin:admin@demo.test,CampaignCreated,\"Campaign \"\"X\"\" created\","
                        + campaignId + ",1\r\n"
                        + "2,2026-11-20T09:30:02Z,admin:admin@demo.test,SeedPersonAdded,\"'=HYPERLINK(\"\"evil\"\")\","
                        + campaignId + ",2\r\n"));
    }

    @Test
    @DisplayName("auditors may run the integrity check (a POST that only reads); the page names the first broken link")
    void integrity() throws Exception {
        when(queries.query(any(VerifyIntegrity.class), eq(IntegrityReport.class))).thenReturn(
                CompletableFuture.completedFuture(new IntegrityReport("campaign:" + campaignId, NOW, 40, 5, 1,
                        List.of(new IntegrityProblem(4711, campaignId.toString(), 3, "org.x.SeedPersonAdded",
                                IntegrityProblem.Kind.HASH_MISMATCH, "content differs")))));
        mvc.perform(post(base + "/audit/integrity").with(auditor("demo")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Broken")))
                .andExpect(content().string(containsString("4711")))
                .andExpect(content().string(containsString("HASH_MISMATCH")));
        mvc.perform(post(base + "/audit/integrity").with(auditor("demo"))).andExpect(status().isForbidden());
        verify(queries).query(eq(VerifyIntegrity.campaign(orgId, campaignId)), eq(IntegrityReport.class));
    }

    @Test
    @DisplayName("as-of page: quick picks at each round's start and close; results for the chosen moment")
    void asOf() throws Exception {
        Instant closed = Instant.parse("2026-11-21T17:00:00.123Z");
        PersonId erinId = new PersonId(UUID.randomUUID());
        RoundView round = new RoundView(RoundId.random(), campaignId, 1, "CLOSED", Instant.parse("2026-11-20T10:00:00Z"),
                closed, null, null, closed, "MANUAL", 3, 3, 0, 3, 0, 0, 0, 0, 0, 1, 1, 1 / 3.0);
        when(queries.query(any(FindRounds.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of(round)));
        ArgumentCaptor<FindConvergenceAsOf> asked = ArgumentCaptor.forClass(FindConvergenceAsOf.class);
        when(queries.query(asked.capture(), eq(ConvergenceView.class))).thenReturn(CompletableFuture.completedFuture(
                new ConvergenceView(2, 1, 0, List.of(new CandidateView(1, new PersonId(UUID.randomUUID()), "Erin",
                        "erin@x.test", 3, true, "NOMINATED", List.of(1), null, closed)))));
        when(queries.query(any(FindStatisticsAsOf.class), eq(StatisticsView.class))).thenReturn(
                CompletableFuture.completedFuture(new StatisticsView(3, 1, 1 / 3.0, 3, 1, 1, 1, List.of(), List.of(),
                        List.of(), List.of(), 0, 0, 1, 0)));
        when(queries.query(any(org.oostkit.wrt.query.api.ShortlistQueries.FindShortlistAsOf.class),
                eq(org.oostkit.wrt.query.api.ShortlistView.class))).thenReturn(CompletableFuture.completedFuture(
                new org.oostkit.wrt.query.api.ShortlistView(List.of(new org.oostkit.wrt.query.api.ShortlistView.Entry(
                        erinId, "Erin", "erin@x.test", closed, "admin:eve@x.test",
                        "Bridges two circles")), null, null, List.of(
                        new SelectionMail(new PersonId(UUID.randomUUID()),
                                closed, SelectionMail.State.SENDING, null, ""),
                        new SelectionMail(erinId, closed,
                                SelectionMail.State.NOT_SENT, closed,
                                "not sent: mail to this address bounced before")))));

        mvc.perform(get(base + "/results/as-of").with(auditor("demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Round 1 closed")))
                .andExpect(html(containsString("at=2026-11-21T17:00:00.123Z")))
                .andExpect(content().string(not(containsString("Convergence list"))));

        mvc.perform(get(base + "/results/as-of").param("at", closed.toString()).with(auditor("demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("As of 2026-11-21 17:00:00 UTC")))
                .andExpect(content().string(containsString("Erin")))
                .andExpect(content().string(containsString("above threshold")))
                .andExpect(content().string(containsString("<td>admin:eve@x.test</td><td>Bridges two circles</td>"
                        + "<td>not told: mail to this address bounced before</td>")));
        assertThat(asked.getValue().at()).isEqualTo(closed);
        assertThat(asked.getValue().organisationId()).isEqualTo(orgId);

        mvc.perform(get(base + "/results/as-of").param("at", "2027-01-01T00:00").with(auditor("demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("in the future")));
        mvc.perform(get(base + "/results/as-of").param("at", "soon").with(auditor("demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a date and time")));
        verify(queries, atLeastOnce()).query(any(FindStatisticsAsOf.class), eq(StatisticsView.class));
    }

    @Test
    @DisplayName("operator API: JSON report for the store and for a campaign; an unknown organisation is a 404 problem")
    void operatorApi() throws Exception {
        when(queries.query(any(VerifyIntegrity.class), eq(IntegrityReport.class))).thenReturn(
                CompletableFuture.completedFuture(new IntegrityReport("store", NOW, 120, 30, 0, List.of())));
        mvc.perform(post("/api/operator/integrity").header("Authorization", "Bearer " + OPERATOR_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.eventsChecked").value(120))
                .andExpect(jsonPath("$.firstProblem").doesNotExist());
        mvc.perform(post("/api/operator/integrity/demo/campaigns/" + campaignId).header("Authorization", "Bearer " + OPERATOR_KEY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scope").value("store"));
        mvc.perform(post("/api/operator/integrity/nope/campaigns/" + campaignId).header("Authorization", "Bearer " + OPERATOR_KEY))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }
}
