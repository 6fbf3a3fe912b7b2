package org.oostkit.wrt.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.testing.EventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Text that must never enter the domain, sent through the admin pages of the real application on
 * PostgreSQL: a NUL (PostgreSQL refuses it, so it would block the read models and the mail policy), a CR/LF
 * (it breaks the mail header) and a bidi override (it hides what a name says). Each page answers 4xx with a
 * clear message, and no event is recorded.
 */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// sessions stay in the servlet container: the seed preview lives in the MockHttpSession the test hands
// MockMvc, which Spring Session's filter would bypass (stored sessions: SessionRestartIntegrationTest)
@SpringBootTest(classes = WrtApplication.class, properties =
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.session.SessionAutoConfiguration")
@AutoConfigureMockMvc
class PoisonedInputIntegrationTest {

    /** The three poisons, with the message each one gets (as a name). */
    private static final Map<String, String> NAMES = Map.of(
            "Mal\u0000lory", "The name contains an invisible control character (U+0000), which is not allowed.",
            "Mal\r\nlory", "The name contains a line break (U+000D), which is not allowed.",
            "Mal\u202Elory", "The name contains an invisible text-direction character (U+202E), which is not allowed.");

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStorageEngine eventStorageEngine;

    private OrganisationId organisation;
    private String slug;
    private CampaignId campaign;
    private String base;
    private RequestPostProcessor admin;

    @BeforeEach
    void organisationWithACampaign() throws Exception {
        slug = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        organisation = OrganisationId.random();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterOrganisation(organisation, slug,
                "Poison test", List.of("admin@poison.test"), List.of())).andMetaData(Actor.OPERATOR.asMetaData()));
        campaign = CampaignId.random();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateCampaign(campaign, organisation,
                CampaignSettings.named("Board"))).andMetaData(Actor.admin("admin@poison.test").asMetaData()));
        eventually(() -> queries.query(new FindOrganisationBySlug(slug), ResponseTypes.instanceOf(OrganisationView.class))
                .get());
        eventually(() -> queries.query(new FindCampaign(organisation, campaign),
                ResponseTypes.instanceOf(CampaignView.class)).get());
        admin = user("admin@poison.test").authorities(new SimpleGrantedAuthority("org:" + slug + ":admin"));
        base = "/org/" + slug + "/campaigns/" + campaign;
    }

    @Test
    @DisplayName("the campaign form refuses a poisoned name, description or invitation text")
    void campaignForm() throws Exception {
        for (Map.Entry<String, String> poison : NAMES.entrySet()) {
            MvcResult created = mvc.perform(post("/org/" + slug + "/campaigns").with(admin).with(csrf())
                    .param("name", poison.getKey()).param("threshold", "2").param("roundDays", "14")
                    .param("reminderDays", "3")).andReturn();
            assertThat(created.getResponse().getStatus()).as(poison.getKey()).isEqualTo(422);
            assertThat(body(created)).as(poison.getKey()).contains(poison.getValue());

            MvcResult edited = mvc.perform(post(base + "/edit").with(admin).with(csrf())
                    .param("name", poison.getKey()).param("threshold", "2").param("roundDays", "14")
                    .param("reminderDays", "3")).andReturn();
            assertThat(edited.getResponse().getStatus()).as(poison.getKey()).isEqualTo(422);
            assertThat(body(edited)).as(poison.getKey()).contains(poison.getValue());
        }
        MvcResult description = mvc.perform(post(base + "/edit").with(admin).with(csrf())
                .param("name", "Board").param("description", "line one\r\nline\u0000two").param("threshold", "2")
                .param("roundDays", "14").param("reminderDays", "3")).andReturn();
        assertThat(description.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(description)).contains("The description contains an invisible control character (U+0000)");
        MvcResult text = mvc.perform(post(base + "/edit").with(admin).with(csrf())
                .param("name", "Board").param("invitationText", "Dear \u2066you").param("threshold", "2")
                .param("roundDays", "14").param("reminderDays", "3")).andReturn();
        assertThat(text.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(text)).contains("The invitation text contains an invisible text-direction character (U+2066)");

        assertThat(events().payloads(CampaignCreated.class, e -> e.organisationId().equals(organisation)))
                .extracting(CampaignCreated::campaignId).containsExactly(campaign);
        assertThat(events().payloads(CampaignDetailsChanged.class, e -> e.campaignId().equals(campaign))).isEmpty();
    }

    @Test
    @DisplayName("adding one seed person refuses a poisoned name or address")
    void seedAdd() throws Exception {
        for (Map.Entry<String, String> poison : NAMES.entrySet()) {
            MvcResult added = mvc.perform(post(base + "/seed/add").with(admin).with(csrf())
                    .param("name", poison.getKey()).param("email", "mallory@poison.test")).andReturn();
            assertThat(added.getResponse().getStatus()).as(poison.getKey()).isEqualTo(422);
            assertThat(body(added)).as(poison.getKey()).contains(poison.getValue());
        }
        MvcResult address = mvc.perform(post(base + "/seed/add").with(admin).with(csrf())
                .param("name", "Mallory").param("email", "mal\r\nlory@poison.test")).andReturn();
        assertThat(address.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(address)).contains("“mal&lt;U+000D&gt;&lt;U+000A&gt;lory@poison.test” is not a valid email address.");
        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(campaign))).isEmpty();
    }

    @Test
    @DisplayName("a seed CSV reports each poisoned line with its reason and imports only the clean ones")
    void seedCsv() throws Exception {
        String csv = "name,email\r\nMal\u0000lory,mallory@poison.test\r\n\"Mal\r\nlory\",mallory2@poison.test\r\n"
                + "Mal\u202Elory,mallory3@poison.test\r\nEve,e\u0000ve@poison.test\r\nAlice,alice@poison.test\r\n";
        MockHttpSession session = new MockHttpSession();
        MvcResult upload = mvc.perform(multipart(base + "/seed/upload").file(new MockMultipartFile("file",
                        "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .session(session).with(admin).with(csrf())).andReturn();
        assertThat(upload.getResponse().getStatus()).isEqualTo(302);
        String preview = upload.getResponse().getRedirectedUrl();
        String page = body(mvc.perform(get(preview).session(session).with(admin)).andReturn());
        assertThat(page).contains("the name contains an invisible control character (U+0000), which is not allowed")
                // OpenCSV gives a line break inside quotes as LF
                .contains("the name contains a line break (U+000A), which is not allowed")
                .contains("the name contains an invisible text-direction character (U+202E), which is not allowed")
                .contains("Mal&lt;U+0000&gt;lory").contains("Mal&lt;U+202E&gt;lory")
                .contains("e&lt;U+0000&gt;ve@poison.test").contains("not a valid email address");
        assertThat(page).doesNotContain("\u0000").doesNotContain("\u202E");

        MvcResult confirmed = mvc.perform(post(base + "/seed/confirm").session(session).with(admin).with(csrf())
                .param("importId", preview.substring(preview.lastIndexOf('/') + 1))).andReturn();
        assertThat(confirmed.getResponse().getStatus()).isEqualTo(302);
        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(campaign)))
                .extracting(SeedPersonAdded::email).containsExactly("alice@poison.test");
    }

    @Test
    @DisplayName("a control character in a query parameter of the audit trail answers 400 with a clear message")
    void auditQueryParameter() throws Exception {
        MvcResult page = mvc.perform(get(URI.create(base + "/audit?actor=%00")).with(admin)
                .accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getContentType()).startsWith("text/html");
        assertThat(body(page)).contains("The parameter “actor” contains an invisible control character (U+0000), "
                + "which is not allowed.");

        MvcResult export = mvc.perform(get(URI.create(base + "/audit/export?actor=x%E2%80%AEy")).with(admin)
                .accept(MediaType.APPLICATION_JSON)).andReturn();
        assertThat(export.getResponse().getStatus()).isEqualTo(400);
        assertThat(export.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(export)).contains("text-direction character (U+202E)");

        // a path parameter: the security firewall refuses a NUL outright, the text rule a bidi control
        assertThat(mvc.perform(get(URI.create(base + "/audit%00")).with(admin)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
        MvcResult path = mvc.perform(get(URI.create(base + "%E2%80%AE/audit"))
                .with(admin).accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(path.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(path)).contains("The address contains an invisible text-direction character (U+202E)");

        assertThat(mvc.perform(get(base + "/audit?actor=admin").with(admin)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private EventLog events() {
        return new EventLog(eventStorageEngine);
    }

    /** The read side lags the command side by design: ask until it answers. */
    private static <T> T eventually(Callable<T> probe) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(probe, Objects::nonNull);
    }
}
