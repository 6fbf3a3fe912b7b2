package org.oostkit.wrt.web.shortlist;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.web.support.Scenario;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shortlist end to end on PostgreSQL: an admin chooses from the results page with a note, the shortlist
 * page, the person page, the CSV and the audit trail show it to admins and auditors; closing it is final.
 */
class ShortlistPagesIntegrationTest extends WebIntegrationTestSupport {

    private static final String YARA = "yara.voss@shortlist.test";
    private static final String WIM = "wim.dekker@shortlist.test";
    private static final String XAVI = "xavi.wendt@shortlist.test";
    private static final String ZOE = "zoe.amari@shortlist.test";

    private RequestPostProcessor as(String email, String authority) {
        return SecurityMockMvcRequestPostProcessors.user(email).authorities(new SimpleGrantedAuthority(authority));
    }

    @Test
    @DisplayName("choose with a note, see it on every page and in the CSV and audit trail, close as final")
    void shortlist() throws Exception {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@shortlist.test", "Yara Voss", YARA,
                "Wim Dekker", WIM);
        RoundId round = s.startRound();
        s.nominate(round, YARA, new NomineeInput("Xavi Wendt", XAVI, "chaired the north estate pilot"));
        s.nominate(round, WIM, new NomineeInput("Xavi Wendt", XAVI, "keeps the residents minutes"));
        awaitProjections();
        String base = "/org/" + s.slug + "/campaigns/" + s.campaign;
        RequestPostProcessor admin = as(s.adminEmail, "org:" + s.slug + ":admin");
        RequestPostProcessor auditor = as("auditor@shortlist.test", "org:" + s.slug + ":auditor");
        PersonId xavi = queries.query(new FindRoster(s.organisation, s.campaign), RosterView.class).join().people()
                .stream().filter(p -> p.email().equals(XAVI)).map(PersonView::personId).findFirst().orElseThrow();

        assertThat(page(base + "/results", admin)).contains("Choose for the workshop", "Groups and bridges");
        mvc.perform(post(base + "/shortlist/choose").param("person", xavi.toString())
                        .param("note", "Bridges the estates").param("back", "results").with(admin).with(csrf()))
                .andExpect(status().isFound());
        await().atMost(Duration.ofSeconds(30)).until(() -> page(base + "/shortlist", auditor)
                .contains("Bridges the estates"));

        for (RequestPostProcessor reader : java.util.List.of(admin, auditor)) {
            assertThat(page(base + "/shortlist", reader)).contains("People chosen for the workshop (1)", "Xavi Wendt",
                    "by " + s.adminEmail);
            assertThat(page(base + "/people/" + xavi, reader)).contains("on the shortlist", "Bridges the estates",
                    "Yara Voss", "chaired the north estate pilot", "Wim Dekker", "keeps the residents minutes");
            assertThat(page(base + "/results", reader)).contains("<span class=\"badge ok\">chosen</span>");
            String csv = streamed(base + "/shortlist/export/csv", reader);
            assertThat(csv.lines().count()).isEqualTo(3); // the header, then one row over two lines (two reasons)
            assertThat(csv).contains("Xavi Wendt", XAVI, "Bridges the estates", "Yara Voss: chaired the north estate pilot");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> streamed(base + "/audit/export", admin)
                .contains("Chosen for the workshop shortlist"));

        mvc.perform(post(base + "/shortlist/close").with(admin).with(csrf())).andExpect(status().isFound());
        await().atMost(Duration.ofSeconds(30)).until(() -> page(base + "/shortlist", admin)
                .contains("Closed as final"));
        assertThat(page(base + "/shortlist", admin)).doesNotContain("Close the shortlist as final", "Take off");
        assertThat(page(base + "/people/" + xavi, admin)).doesNotContain("Take off the shortlist");
        mvc.perform(post(base + "/shortlist/remove").param("person", xavi.toString()).with(admin).with(csrf()))
                .andExpect(status().isFound());
        assertThat(page(base + "/shortlist", admin)).contains("Xavi Wendt");
    }

    /** The legend under the network drawing, as HTML. */
    private static String legend(String results) {
        int start = results.indexOf("<ul class=\"network-legend\"");
        assertThat(start).as("a legend").isNotNegative();
        return results.substring(start, results.indexOf("</ul>", start));
    }

    @Test
    @DisplayName("after a chosen person is erased: still chosen and counted everywhere, shown as erased, in the same "
            + "group; the as-of view shows who was chosen when, and by whom")
    void erasureAndAsOf() throws Exception {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@shortlist-erasure.test", "Yara Voss", YARA,
                "Wim Dekker", WIM);
        RoundId round = s.startRound();
        s.nominate(round, YARA, new NomineeInput("Xavi Wendt", XAVI, "chaired the north estate pilot"),
                new NomineeInput("Zoe Amari", ZOE, "runs the youth council"));
        s.nominate(round, WIM, new NomineeInput("Xavi Wendt", XAVI, "keeps the residents minutes"));
        awaitProjections();
        String base = "/org/" + s.slug + "/campaigns/" + s.campaign;
        RequestPostProcessor admin = as(s.adminEmail, "org:" + s.slug + ":admin");
        RequestPostProcessor auditor = as("auditor@shortlist-erasure.test", "org:" + s.slug + ":auditor");
        java.util.Map<String, PersonId> ids = new java.util.HashMap<>();
        queries.query(new FindRoster(s.organisation, s.campaign), RosterView.class).join().people()
                .forEach(p -> ids.put(p.email(), p.personId()));
        PersonId xavi = ids.get(XAVI);
        PersonId zoe = ids.get(ZOE);

        // moments from the store's record, not the clock: it keeps event times to the millisecond, truncated, so a
        // choice made within the same millisecond after a clock reading would be recorded at or before it
        java.time.Instant beforeChoosing = java.time.Instant.parse(jdbc.queryForObject("SELECT timestamp FROM "
                + "domainevententry WHERE campaign_id = ? ORDER BY globalindex DESC LIMIT 1", String.class,
                s.campaign.value()));
        mvc.perform(post(base + "/shortlist/choose").param("person", xavi.toString())
                .param("note", "Bridges the estates").with(admin).with(csrf())).andExpect(status().isFound());
        await().atMost(Duration.ofSeconds(30)).until(() -> page(base + "/shortlist", admin).contains("Xavi Wendt"));
        java.time.Instant xaviChosen = queries.query(new org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist(
                s.organisation, s.campaign), org.oostkit.wrt.query.api.ShortlistView.class).join().entries().stream()
                .filter(e -> e.personId().equals(xavi)).findFirst().orElseThrow().chosenAt();
        mvc.perform(post(base + "/shortlist/choose").param("person", zoe.toString()).with(admin).with(csrf()))
                .andExpect(status().isFound());
        await().atMost(Duration.ofSeconds(30)).until(() -> page(base + "/shortlist", admin).contains("Zoe Amari"));
        String results = page(base + "/results", admin);
        String groupBefore = page(base + "/people/" + xavi, admin).replaceAll("(?s).*<div class=\"figure\">(group "
                + "\\d+)</div>.*", "$1");
        assertThat(groupBefore).startsWith("group ");

        wrt().send(new org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson(s.campaign, s.organisation, XAVI),
                s.admin);
        await().atMost(Duration.ofSeconds(30)).until(() -> page(base + "/shortlist", admin).contains("[erased]")
                && !page(base + "/shortlist", admin).contains("Bridges the estates")
                && page(base + "/people/" + xavi, admin).contains("Erased person"));

        for (RequestPostProcessor reader : java.util.List.of(admin, auditor)) {
            String shortlist = page(base + "/shortlist", reader);
            assertThat(shortlist).contains("People chosen for the workshop (2)", "Zoe Amari")
                    .doesNotContain("Xavi Wendt", XAVI, "Bridges the estates");
            String person = page(base + "/people/" + xavi, reader);
            assertThat(person).contains("<h1>Erased person", "on the shortlist", "any note about them was erased",
                    "<div class=\"figure\">2</div>", "<div class=\"figure\">" + groupBefore + "</div>")
                    .doesNotContain("[erased]", "Xavi Wendt", XAVI, "Bridges the estates",
                            "chaired the north estate pilot");
            String after = page(base + "/results", reader);
            assertThat(legend(after)).as("the same groups, sizes and top counts").isEqualTo(legend(results));
            assertThat(after).contains("<span class=\"badge ok\">chosen</span>").doesNotContain("Xavi Wendt");
            String csv = streamed(base + "/shortlist/export/csv", reader);
            assertThat(csv).contains("[erased]", "Zoe Amari").doesNotContain("Xavi Wendt", XAVI, "Bridges the estates");
            assertThat(csv.lines().filter(l -> l.startsWith("[erased],[erased],2,")).count()).isEqualTo(1);
        }

        // as it was: before anyone was chosen, after Xavi only, and now; his name and note read as erased
        String none = page(base + "/results/as-of?at=" + beforeChoosing, auditor);
        assertThat(none).contains("Nobody had been chosen for the workshop yet.");
        String then = page(base + "/results/as-of?at=" + xaviChosen, auditor);
        String table = then.substring(then.indexOf("<h2>Workshop shortlist</h2>"));
        assertThat(table).contains("<td>[erased]</td>", "<td>admin:" + s.adminEmail + "</td>", "<td>not told</td>")
                .doesNotContain("Zoe Amari", "Bridges the estates");
        assertThat(page(base + "/results/as-of?at=" + java.time.Instant.now(), auditor)).contains("Zoe Amari");
    }

    private String page(String url, RequestPostProcessor reader) throws Exception {
        return mvc.perform(get(url).with(reader)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String streamed(String url, RequestPostProcessor reader) throws Exception {
        MvcResult started = mvc.perform(get(url).with(reader)).andExpect(request().asyncStarted()).andReturn();
        return new String(mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
