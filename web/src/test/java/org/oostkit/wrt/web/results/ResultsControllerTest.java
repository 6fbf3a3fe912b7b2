package org.oostkit.wrt.web.results;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.export.CampaignPdfReport;
import org.oostkit.wrt.query.export.CandidateCsvExport;
import org.oostkit.wrt.query.export.CsvOptions;
import org.oostkit.wrt.web.campaign.AdminFixtures;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.oostkit.wrt.web.campaign.AdminFixtures.BASE;
import static org.oostkit.wrt.web.campaign.AdminFixtures.CAMPAIGN;
import static org.oostkit.wrt.web.campaign.AdminFixtures.ORG;
import static org.oostkit.wrt.web.campaign.AdminFixtures.admin;
import static org.oostkit.wrt.web.campaign.AdminFixtures.answer;
import static org.oostkit.wrt.web.campaign.AdminFixtures.auditor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {ResultsController.class, ExportController.class})
@Import({SecurityConfiguration.class, AdminPages.class})
class ResultsControllerTest {

    static final PersonId ALICE = PersonId.random();
    static final PersonId CAROL = PersonId.random();
    static final PersonId DAN = PersonId.random();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;
    /** The exports read PostgreSQL; their own tests read their output back. Here: what the web asks of them. */
    @MockitoBean
    CandidateCsvExport csv;
    @MockitoBean
    CampaignPdfReport pdf;

    @BeforeEach
    void campaign() {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, AdminFixtures.campaign());
        answer(queries, FindConvergence.class, new ConvergenceView(2, 2, 0, List.of(
                new CandidateView(1, CAROL, "Carol <Chen>", "carol@example.org", 2, true, "NOMINATED", List.of(1),
                        2, Instant.parse("2026-11-11T10:00:00Z")),
                new CandidateView(2, DAN, "Dan", "dan@example.org", 1, false, "NOMINATED", List.of(1), null,
                        Instant.parse("2026-11-12T10:00:00Z")))));
        answer(queries, FindReasons.class, new ReasonsView(List.of(
                new ReasonView(CAROL, "Carol <Chen>", ALICE, "Alice", 1, "She <b>leads</b> the union"),
                new ReasonView(CAROL, "Carol <Chen>", DAN, "Dan", 1, ""),
                new ReasonView(DAN, "Dan", ALICE, "Alice", 1, ""))));
        answer(queries, FindStatistics.class, new StatisticsView(3, 2, 2.0 / 3, 3, 2, 2, 1,
                List.of(new StatisticsView.RoundCount(1, 2), new StatisticsView.RoundCount(2, 0)),
                List.of(new StatisticsView.Bucket(1, 1), new StatisticsView.Bucket(2, 1)),
                List.of(new StatisticsView.Ranked("Carol <Chen>", "carol@example.org", 2)),
                List.of(new StatisticsView.Ranked("Alice", "alice@example.org", 2)), 1, 1, 2.5, 1));
        answer(queries, org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist.class,
                new org.oostkit.wrt.query.api.ShortlistView(List.of(new org.oostkit.wrt.query.api.ShortlistView.Entry(
                        CAROL, "Carol <Chen>", "carol@example.org", Instant.parse("2026-11-20T10:00:00Z"),
                        "admin:admin@demo.org", "")), null, null, List.of(
                        new org.oostkit.wrt.query.api.ShortlistView.SelectionMail(CAROL,
                                Instant.parse("2026-11-21T10:00:00Z"),
                                org.oostkit.wrt.query.api.ShortlistView.SelectionMail.State.TOLD,
                                Instant.parse("2026-11-21T10:01:00Z"), ""))));
        answer(queries, FindReferralGraph.class, new ReferralGraphView(
                List.of(new ReferralGraphView.Node(ALICE, "Alice", "SEED", 0, 1),
                        new ReferralGraphView.Node(CAROL, "Carol <Chen>", "NOMINATED", 2, 2),
                        new ReferralGraphView.Node(DAN, "Dan", "NOMINATED", 1, null)),
                List.of(new ReferralGraphView.Edge(ALICE, CAROL, 1), new ReferralGraphView.Edge(ALICE, DAN, 1),
                        new ReferralGraphView.Edge(DAN, CAROL, 1))));
    }

    @Test
    @DisplayName("the ranked list marks people at or above the threshold; statistics and Chao1 are explained")
    void rankedList() throws Exception {
        mvc.perform(get(BASE + "/results").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<tr id=\"rank-" + CAROL + "\" class=\"above-threshold\"><td class=\"num\">1</td><td><a href=\"" + BASE + "/people/" + CAROL + "\">Carol &lt;Chen&gt;</a> <span class=\"badge ok\">above threshold</span>")))
                .andExpect(content().string(containsString("<tr id=\"rank-" + DAN + "\"><td class=\"num\">2</td><td><a href=\"" + BASE + "/people/" + DAN + "\">Dan</a><details class=\"named-by\">"
                        + "<summary>Named by</summary><ul><li><span class=\"nominator\">Alice</span> <span class=\"muted\">"
                        + "(round 1)</span> <span class=\"muted\">– no reason given</span></li></ul></details></td>")))
                .andExpect(content().string(containsString("Ranked candidates (2)")))
                .andExpect(content().string(containsString("about 1 have not been named yet")));
    }

    @Test
    @DisplayName("under each ranked person: who named them, the round and the reason, asked for the shown page in one query")
    void namedBy() throws Exception {
        mvc.perform(get(BASE + "/results").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<details class=\"named-by\"><summary>Named by · 1 reason"
                        + "</summary><ul><li><span class=\"nominator\">Alice</span> <span class=\"muted\">(round 1)</span>: "
                        + "<q>She &lt;b&gt;leads&lt;/b&gt; the union</q></li><li><span class=\"nominator\">Dan</span>")));
        ArgumentCaptor<FindReasons> query = ArgumentCaptor.forClass(FindReasons.class);
        verify(queries).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue().nomineeIds()).containsExactly(CAROL, DAN);
    }

    @Test
    @DisplayName("the filters travel as GET parameters to the query, the paging and the CSV link")
    void filters() throws Exception {
        mvc.perform(get(BASE + "/results").with(auditor()).param("above", "true").param("nominated", "true")
                        .param("round", "2").param("from", "2026-11-01").param("to", "2026-11-30").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + BASE
                        // Mustache escapes "=" too; browsers read &#x3D; as "="
                        + "/export/csv?above&#x3D;true&amp;nominated&#x3D;true&amp;round&#x3D;2&amp;from&#x3D;2026-11-01"
                        + "&amp;to&#x3D;2026-11-30\"")))
                .andExpect(content().string(containsString("name=\"above\" value=\"true\" checked")))
                .andExpect(content().string(containsString("value=\"2026-11-30\"")));
        ArgumentCaptor<FindConvergence> query = ArgumentCaptor.forClass(FindConvergence.class);
        verify(queries).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue().filter()).isEqualTo(new CandidateFilter(true, true, 2,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(query.getValue().offset()).isEqualTo(50);
        assertThat(query.getValue().limit()).isEqualTo(50);
    }

    @Test
    @DisplayName("an unreadable filter value is ignored and said so, never an error page")
    void badFilter() throws Exception {
        mvc.perform(get(BASE + "/results").with(admin()).param("round", "two").param("from", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“two” is not a round number; showing all rounds.")))
                .andExpect(content().string(containsString("is not a date (yyyy-mm-dd); ignored.")));
    }

    @Test
    @DisplayName("charts are server-side SVG with titles, descriptions and a table alternative; the network names people")
    void pictures() throws Exception {
        mvc.perform(get(BASE + "/results").with(admin()))
                .andExpect(content().string(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"")))
                .andExpect(content().string(containsString("<title id=\"new-names-title\">New names per round</title>")))
                .andExpect(content().string(containsString("<title>Round 1: 2</title>")))
                .andExpect(content().string(containsString("<title id=\"distribution-title\">Distribution of nomination counts</title>")))
                .andExpect(content().string(containsString("class=\"network columns fit\"")))
                .andExpect(content().string(containsString(">Seed group</text>")))
                .andExpect(content().string(containsString("Carol &lt;Chen&gt; (2)</text>")))
                .andExpect(content().string(containsString("<a class=\"node nominated above-threshold group-1\" "
                        + "href=\"#person-" + CAROL + "\"")))
                .andExpect(content().string(containsString("<tr id=\"person-" + CAROL + "\"><td>Carol &lt;Chen&gt;</td>"
                        + "<td>nominated</td><td class=\"num\">2</td><td class=\"num\">1</td><td>Alice (round 1); Dan (round 1)</td>"
                        + "<td></td><td class=\"num\">1</td></tr>")));
    }

    @Test
    @DisplayName("each ranked person links to their page; the chosen are marked (and whether told), the others can be "
            + "chosen by admins")
    void shortlistColumn() throws Exception {
        String page = mvc.perform(get(BASE + "/results").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<a href=\"" + BASE + "/people/" + CAROL + "\">Carol &lt;Chen&gt;</a>")
                .contains("<span class=\"badge ok\">chosen</span> <span class=\"muted\">told on ")
                .contains("<input type=\"hidden\" name=\"person\" value=\"" + DAN + "\">")
                .doesNotContain("<input type=\"hidden\" name=\"person\" value=\"" + CAROL + "\">")
                .contains("Workshop shortlist (1)");
        assertThat(mvc.perform(get(BASE + "/results").with(auditor())).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Choose for the workshop");
    }

    @Test
    @DisplayName("groups and bridges: the share of the ranked list per group, explained in words")
    void groupsAndBridges() throws Exception {
        String page = mvc.perform(get(BASE + "/results").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h3 id=\"insight-title\">Groups and bridges</h3>")
                .contains("The one person at or above the threshold comes from the one group.")
                .contains("How to read this", "label propagation")
                .contains("<td class=\"num\">1</td><td class=\"num\">3</td><td class=\"num\">1</td>"
                        + "<td>Carol &lt;Chen&gt;, Dan, Alice</td>")
                .contains("Nobody is named from more than one group.");
    }

    @Test
    @DisplayName("two circles of people: the drawing colours and shapes each person's dot by group, and the legend "
            + "names each group with its size and its share of the top 25")
    void communities() throws Exception {
        List<PersonId> ids = new java.util.ArrayList<>();
        answer(queries, FindReferralGraph.class, ReferralNetworkTest.twoCircles(ids));
        String page = mvc.perform(get(BASE + "/results").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<ul class=\"network-legend\" aria-labelledby=\"network-legend-title\">")
                .contains("<g class=\"node group-1\"><circle class=\"dot\"")
                .contains("</svg> Group 1 — 4 people, 4 in the top 25</li>")
                .contains("<g class=\"node group-2\"><polygon class=\"dot\"")
                .contains("</svg> Group 2 — 3 people, 3 in the top 25</li>")
                .doesNotContain("group-3", "group-other");
        // both drawings (columns and list) give each person the class of their group
        assertThat(page).contains("<a class=\"node seed group-1\" href=\"#person-" + ids.get(0) + "\"")
                .contains("<a class=\"node nominated group-1\" href=\"#person-" + ids.get(1) + "\"")
                .contains("<a class=\"node nominated above-threshold group-1\" href=\"#person-" + ids.get(2) + "\"")
                .contains("<a class=\"node seed above-threshold group-2\" href=\"#person-" + ids.get(4) + "\"")
                .contains("<a class=\"node nominated above-threshold group-2\" href=\"#person-" + ids.get(6) + "\"");
        for (PersonId id : ids) {
            assertThat(page.split("class=\"node [a-z -]*group-" + (ids.indexOf(id) < 4 ? 1 : 2) + "\" href=\"#person-"
                    + id + "\"", -1)).as("both shapes").hasSize(3);
        }
    }

    @Test
    @DisplayName("the network: both shapes, a person per link to a table row for everyone, the script, no \"hover\"")
    void network() throws Exception {
        String page = mvc.perform(get(BASE + "/results").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContainIgnoringCase("hover")
                .contains("class=\"network columns", "class=\"network list fit\"")
                .contains("<tr id=\"person-" + ALICE + "\"><td>Alice</td><td>seed</td><td class=\"num\">0</td>"
                        + "<td class=\"num\"></td><td></td><td>Carol &lt;Chen&gt;; Dan</td><td class=\"num\">1</td></tr>")
                .contains("<a href=\"#network-people\">the same as a table</a>", "<div class=\"table-wrap\" id=\"network-people\" tabindex=\"0\" role=\"region\" aria-label=\"The network as a table\">")
                .contains("<p class=\"network-detail\" id=\"network-detail\" aria-live=\"polite\" hidden></p>")
                .contains("<script src=\"/js/network.js\" defer></script>");
        // every person in the drawing links to a row that exists
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"#(person-[0-9a-f-]+)\"").matcher(page);
        int count = 0;
        while (links.find()) {
            assertThat(page).contains("<tr id=\"" + links.group(1) + "\">");
            count++;
        }
        assertThat(count).isEqualTo(6);
    }

    @Test
    @DisplayName("the CSV export streams the filtered list as an attachment")
    void csvExport() throws Exception {
        doAnswer(call -> {
            OutputStream out = call.getArgument(4);
            out.write("Rank,Name\r\n1,Carol\r\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).when(csv).write(eq(ORG), eq(CAMPAIGN), any(), any(), any());
        MvcResult started = mvc.perform(get(BASE + "/export/csv").with(auditor()).param("above", "true")
                        .param("bom", "true"))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"future-of-work-candidates-filtered-" + LocalDate.now() + ".csv\""))
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(content().string("Rank,Name\r\n1,Carol\r\n"));
        ArgumentCaptor<CandidateFilter> filter = ArgumentCaptor.forClass(CandidateFilter.class);
        ArgumentCaptor<CsvOptions> options = ArgumentCaptor.forClass(CsvOptions.class);
        verify(csv).write(eq(ORG), eq(CAMPAIGN), filter.capture(), options.capture(), any());
        assertThat(filter.getValue().aboveThresholdOnly()).isTrue();
        assertThat(options.getValue()).isEqualTo(new CsvOptions(true, ','));
    }

    @Test
    @DisplayName("the PDF report is a download too")
    void pdfExport() throws Exception {
        doAnswer(call -> {
            OutputStream out = call.getArgument(2);
            out.write("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
            return null;
        }).when(pdf).write(eq(ORG), eq(CAMPAIGN), any());
        MvcResult started = mvc.perform(get(BASE + "/export/pdf").with(admin()))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("future-of-work-report-")))
                .andExpect(content().string("%PDF-1.7"));
    }

    @Test
    @DisplayName("exports of a campaign the organisation does not have are not found")
    void exportNotFound() throws Exception {
        answer(queries, FindCampaign.class, null);
        mvc.perform(get(BASE + "/export/csv").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/export/pdf").with(admin())).andExpect(status().isNotFound());
    }
}
