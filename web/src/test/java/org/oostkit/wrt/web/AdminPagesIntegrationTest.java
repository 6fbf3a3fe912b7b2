package org.oostkit.wrt.web;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin pages on the real application and PostgreSQL: create a campaign through the web, import seeds
 * from a CSV (preview, confirm), start round 1 and see it. The pages rendered on the way are written to
 * {@code web/target/pages/} for a look in a browser.
 */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// sessions stay in the servlet container: the test hands MockMvc a MockHttpSession, which Spring Session's
// filter would bypass (sessions in PostgreSQL are tested on a real server: SessionRestartIntegrationTest)
@SpringBootTest(classes = WrtApplication.class, properties =
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.session.SessionAutoConfiguration")
@AutoConfigureMockMvc
class AdminPagesIntegrationTest {

    private static final Path PAGES = Path.of("target", "pages");

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;

    @Test
    @DisplayName("an admin creates a campaign, imports the seed group from CSV, starts round 1 and sees it")
    void campaignSeedsRound() throws Exception {
        String slug = "web-" + UUID.randomUUID().toString().substring(0, 8);
        OrganisationId organisation = OrganisationId.random();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterOrganisation(organisation, slug,
                "Web test organisation", List.of("admin@web.test"), List.of("auditor@web.test")))
                .andMetaData(Actor.OPERATOR.asMetaData()));
        eventually(() -> queries.query(new FindOrganisationBySlug(slug), ResponseTypes.instanceOf(OrganisationView.class))
                .get() != null);
        RequestPostProcessor admin = user("admin@web.test").authorities(new SimpleGrantedAuthority("org:" + slug + ":admin"));
        RequestPostProcessor auditor = user("auditor@web.test")
                .authorities(new SimpleGrantedAuthority("org:" + slug + ":auditor"));

        save("new-campaign", mvc.perform(get("/org/" + slug + "/campaigns/new").with(admin))
                .andExpect(status().isOk()).andReturn());
        save("new-campaign-invalid", mvc.perform(post("/org/" + slug + "/campaigns").with(admin).with(csrf())
                        .param("name", "").param("threshold", "0").param("roundDays", "14")
                        .param("_reminderEnabled", "on").param("reminderDays", "3"))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        mvc.perform(post("/org/" + slug + "/campaigns").with(admin).with(csrf())
                        .param("name", "Future of work").param("description", "Who should be in the room?")
                        .param("threshold", "2").param("roundDays", "14").param("reminderEnabled", "true")
                        .param("_reminderEnabled", "on").param("reminderDays", "3")
                        .param("invitationText", "We are planning a search conference."))
                .andExpect(status().is3xxRedirection());
        CampaignView created = eventually(() -> {
            List<CampaignView> campaigns = queries.query(new FindCampaigns(organisation),
                    ResponseTypes.multipleInstancesOf(CampaignView.class)).get();
            return campaigns.isEmpty() ? null : campaigns.get(0);
        });
        String base = "/org/" + slug + "/campaigns/" + created.campaignId();

        MockHttpSession session = new MockHttpSession();
        String csv = "\uFEFFFirst Name;Last Name;E-mail Address\r\nAlice;Adams;alice@web.test\r\n"
                + "Bob;Brown;BOB@web.test\r\nBob;again;bob@web.test\r\nNo;Address;nope\r\n";
        MvcResult upload = mvc.perform(multipart(base + "/seed/upload").file(new MockMultipartFile("file",
                        "outlook.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .session(session).with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String preview = upload.getResponse().getRedirectedUrl();
        MvcResult previewPage = mvc.perform(get(preview).session(session).with(admin)).andExpect(status().isOk())
                .andReturn();
        save("seed-preview", previewPage);
        assertThat(previewPage.getResponse().getContentAsString()).contains("same address as line 3")
                .contains("not a valid email address");
        mvc.perform(post(base + "/seed/confirm").session(session).with(admin).with(csrf())
                        .param("importId", preview.substring(preview.lastIndexOf('/') + 1)))
                .andExpect(status().is3xxRedirection());
        eventually(() -> page(base + "/seed", admin).contains("2 seed people") ? true : null);
        save("seed", mvc.perform(get(base + "/seed").with(admin)).andReturn());

        save("rounds", mvc.perform(get(base + "/rounds").with(admin)).andExpect(status().isOk()).andReturn());
        String deadline = LocalDateTime.ofInstant(Instant.now().plus(7, ChronoUnit.DAYS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        MvcResult started = mvc.perform(post(base + "/rounds").with(admin).with(csrf())
                        .param("deadline", deadline).param("reminderEnabled", "true").param("reminderDays", "2"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo(base + "/rounds/1");

        String round = eventually(() -> {
            String html = page(base + "/rounds/1", admin);
            return html.contains("alice@web.test") && html.contains("bob@web.test") ? html : null;
        });
        assertThat(round).contains("<h1>Round 1").contains("data-live=\"contacted\">2</div>")
                .contains("action=\"" + base + "/rounds/1/extend\"");
        save("round", mvc.perform(get(base + "/rounds/1").with(admin)).andReturn());
        String auditorView = page(base + "/rounds/1", auditor);
        assertThat(auditorView).contains("alice@web.test").doesNotContain("/rounds/1/extend");

        MvcResult live = mvc.perform(get(base + "/rounds/1/live").with(admin)).andReturn();
        assertThat(live.getRequest().isAsyncStarted()).isTrue();
        live.getRequest().getAsyncContext().complete();

        save("campaign", mvc.perform(get(base).with(admin)).andExpect(status().isOk()).andReturn());
        save("manage", mvc.perform(get("/org/" + slug + "/manage").with(admin)).andExpect(status().isOk()).andReturn());
        save("results", mvc.perform(get(base + "/results").with(auditor)).andExpect(status().isOk()).andReturn());
        MvcResult export = mvc.perform(get(base + "/export/csv").with(auditor)).andReturn();
        mvc.perform(asyncDispatch(export)).andExpect(status().isOk());
        assertThat(export.getResponse().getContentAsString()).startsWith("Rank,Name,Email,");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Polls until the read side shows it (it lags the command side by design). */
    private static <T> T eventually(Callable<T> probe) {
        return Awaitility.await("the read side shows the change").atMost(Duration.ofSeconds(30))
                .until(probe, value -> value != null && !Boolean.FALSE.equals(value));
    }

    /** Writes the page with the stylesheet next to it, so it opens in a browser as it looks in the app. */
    private static void save(String name, MvcResult result) throws IOException {
        Files.createDirectories(PAGES.resolve("css"));
        Files.createDirectories(PAGES.resolve("js"));
        Files.copy(Path.of("src/main/resources/static/css/wrt.css"), PAGES.resolve("css/wrt.css"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replace("href=\"/css/", "href=\"css/").replace("src=\"/js/", "src=\"js/");
        Files.writeString(PAGES.resolve(name + ".html"), html, StandardCharsets.UTF_8);
    }
}
