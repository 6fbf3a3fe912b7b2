package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.SeedBatchResult;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.campaign.SeedRowOutcome;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.oostkit.wrt.web.support.SentCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.oostkit.wrt.web.campaign.AdminFixtures.BASE;
import static org.oostkit.wrt.web.campaign.AdminFixtures.admin;
import static org.oostkit.wrt.web.campaign.AdminFixtures.answer;
import static org.oostkit.wrt.web.campaign.AdminFixtures.auditor;
import static org.oostkit.wrt.web.campaign.AdminFixtures.campaign;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {SeedController.class, SeedImportController.class}, properties = "wrt.seeds.max-upload-size=2KB")
@Import({SecurityConfiguration.class, AdminPages.class, SeedPage.class})
class SeedControllerTest {

    static final String FILE = """
            name,email
            Alice,alice@example.org
            Bob,not-an-email
            Alice again,ALICE@example.org
            Old Friend,already@example.org
            ,
            Carl,carl@example.org
            """;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActingCommandGateway commands;

    @BeforeEach
    void campaignWithOneSeed() {
        AdminFixtures.organisationExists(queries);
        answer(queries, FindCampaign.class, campaign());
        PersonView old = new PersonView(PersonId.random(), "Old Friend", "already@example.org", "SEED", null, 1, 0);
        answer(queries, FindRoster.class, new RosterView(List.of(old), List.of()));
        AdminFixtures.subscription(queries, FindCampaign.class, campaign());
    }

    @Test
    @DisplayName("an upload stores nothing: it shows a preview reporting every line that will not be imported, and why")
    void preview() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String preview = upload(session, FILE.getBytes(StandardCharsets.UTF_8));
        verify(commands, never()).sendAndWait(any(), any());

        mvc.perform(get(preview).session(session).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing has been stored yet.")))
                .andExpect(content().string(containsString("<div class=\"figure\">2</div><div class=\"label\">to add")))
                .andExpect(content().string(containsString("<td class=\"num\">3</td><td>Bob</td><td>not-an-email</td><td><span class=\"badge warn\">invalid</span></td><td>not a valid email address</td>")))
                .andExpect(content().string(containsString("<td class=\"num\">4</td><td>Alice again</td><td>alice@example.org</td><td><span class=\"badge warn\">duplicate</span></td><td>same address as line 2</td>")))
                .andExpect(content().string(containsString("<td class=\"num\">5</td><td>Old Friend</td><td>already@example.org</td><td><span class=\"badge warn\">already in campaign</span></td>")))
                .andExpect(content().string(containsString("<td class=\"num\">7</td><td>Carl</td><td>carl@example.org</td>")))
                .andExpect(content().string(containsString("Import 2 people")));
    }

    @Test
    @DisplayName("confirming sends the importable rows, with their line numbers, as one command, once")
    void confirm() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String preview = upload(session, FILE.getBytes(StandardCharsets.UTF_8));
        String importId = preview.substring(preview.lastIndexOf('/') + 1);
        when(commands.sendAndWait(any(), any())).thenReturn(new SeedBatchResult(List.of(
                new SeedRowOutcome(2, "alice@example.org", SeedRowOutcome.Result.ADDED, PersonId.random(), null),
                new SeedRowOutcome(7, "carl@example.org", SeedRowOutcome.Result.ALREADY_IN_CAMPAIGN, null,
                        "already in this campaign"))));

        MvcResult result = mvc.perform(post(BASE + "/seed/confirm").session(session).with(admin()).with(csrf())
                        .param("importId", importId))
                .andExpect(redirectedUrl(BASE + "/seed"))
                .andReturn();
        CommandMessage<?> sent = SentCommands.only(commands);
        AddSeedPeople command = (AddSeedPeople) sent.getPayload();
        assertThat(command.rows()).containsExactly(new SeedRow(2, "Alice", "alice@example.org"),
                new SeedRow(7, "Carl", "carl@example.org"));
        @SuppressWarnings("unchecked")
        Map<String, String> flash = (Map<String, String>) result.getFlashMap().get("flash");
        // Carl was added by someone else between preview and confirmation: the campaign's own answer counts
        assertThat(flash.get("message")).startsWith("Imported 1 person from seeds.csv; 4 lines were not imported");
        @SuppressWarnings("unchecked")
        List<SeedImportController.ReportLine> report =
                (List<SeedImportController.ReportLine>) result.getFlashMap().get("importReport");
        assertThat(report).extracting(SeedImportController.ReportLine::line).containsExactly(3, 4, 5, 7);

        mvc.perform(post(BASE + "/seed/confirm").session(session).with(admin()).with(csrf())
                        .param("importId", importId))
                .andExpect(redirectedUrl(BASE + "/seed"))
                .andExpect(flash().attribute("flash", Map.of("kind", "warn", "message",
                        "That import was already confirmed or cancelled; nothing more was imported.")));
        verify(commands, times(1)).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("an Outlook export with a BOM and semicolons is understood")
    void outlookWithBomAndSemicolons() throws Exception {
        String outlook = "\uFEFF\"First Name\";\"Last Name\";\"E-mail Address\"\r\n\"Dora\";\"Diaz\";\"dora@example.org\"\r\n";
        MockHttpSession session = new MockHttpSession();
        String preview = upload(session, outlook.getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(preview).session(session).with(admin()))
                .andExpect(content().string(containsString("Read as UTF-8, separated by semicolons, header row on line 1")))
                .andExpect(content().string(containsString("<td class=\"num\">2</td><td>Dora Diaz</td><td>dora@example.org</td>")));
    }

    @Test
    @DisplayName("a file over the size limit is refused with a clear message, nothing imported")
    void tooLarge() throws Exception {
        byte[] big = ("name,email\n" + "Someone,someone@example.org\n".repeat(100)).getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(BASE + "/seed/upload").file(new MockFile(big)).with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file is larger than 2 KB: nothing was imported.")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("a file without addresses is refused as a whole, saying why")
    void unreadable() throws Exception {
        mvc.perform(multipart(BASE + "/seed/upload").file(new MockFile("first,last\nA,B\n".getBytes()))
                        .with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was imported from seeds.csv. No email address found.")));
    }

    @Test
    @DisplayName("manual add: an invalid address re-renders the page with the message and the input kept")
    void addInvalid() throws Exception {
        mvc.perform(post(BASE + "/seed/add").with(admin()).with(csrf()).param("name", "Nina").param("email", "nina@"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("“nina@” is not a valid email address.")))
                .andExpect(content().string(containsString("value=\"Nina\"")))
                .andExpect(content().string(containsString("value=\"nina@\"")));
        verify(commands, never()).sendAndWait(any(), any());
    }

    @Test
    @DisplayName("manual add: a person already in the campaign is refused next to the address field")
    void addDuplicate() throws Exception {
        when(commands.sendAndWait(any(), any())).thenThrow(new RuleViolation(Rule.ALREADY_IN_CAMPAIGN,
                "already@example.org is already in this campaign.", "already@example.org"));
        mvc.perform(post(BASE + "/seed/add").with(admin()).with(csrf()).param("name", "Old")
                        .param("email", "Already@Example.org"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("<p class=\"field-error\" id=\"seed-email-error\">already@example.org is already in this campaign.</p>")));
    }

    @Test
    @DisplayName("manual add sends the normalised address and comes back to the seed page")
    void add() throws Exception {
        mvc.perform(post(BASE + "/seed/add").with(admin()).with(csrf()).param("name", " Nina ")
                        .param("email", " Nina@Example.org "))
                .andExpect(redirectedUrl(BASE + "/seed"));
        CommandMessage<?> sent = SentCommands.only(commands);
        AddSeedPerson command = (AddSeedPerson) sent.getPayload();
        assertThat(command.name()).isEqualTo("Nina");
        assertThat(command.email()).isEqualTo("nina@example.org");
    }

    @Test
    @DisplayName("an auditor sees the seed group but no upload, add or remove controls, and cannot post")
    void auditorView() throws Exception {
        mvc.perform(get(BASE + "/seed").with(AdminFixtures.auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already@example.org")))
                .andExpect(content().string(not(containsString("/seed/upload"))))
                .andExpect(content().string(not(containsString("/seed/add"))))
                .andExpect(content().string(not(containsString("/remove"))));
        mvc.perform(multipart(BASE + "/seed/upload").file(new MockFile(FILE.getBytes())).with(auditor()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private String upload(MockHttpSession session, byte[] bytes) throws Exception {
        MvcResult result = mvc.perform(multipart(BASE + "/seed/upload").file(new MockFile(bytes)).session(session)
                        .with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(BASE + "/seed/preview/");
        return location;
    }

    private static final class MockFile extends MockMultipartFile {
        MockFile(byte[] content) {
            super("file", "seeds.csv", "text/csv", content);
        }
    }
}
