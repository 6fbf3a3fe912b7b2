package org.oostkit.wrt.adapters.mail;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Local time end to end: an organisation the operator created in America/New_York starts a round whose
 * deadline the admin typed as a New York time; the invitation mail (through a real SMTP server), the nominator's
 * page, the admin's round page and the PDF report state the same instant in the same words, and the CSV gives
 * its times in that zone with the offset.
 */
class LocalTimeIntegrationTest extends MailIntegrationTestSupport {

    private static final String OPERATOR_KEY = "local-time-operator-key-0123456789";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @DynamicPropertySource
    static void operator(DynamicPropertyRegistry registry) {
        registry.add("wrt.operator.api-key", () -> OPERATOR_KEY);
        registry.add("wrt.rate-limits.enabled", () -> "false");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aDeadlineReadsTheSameInTheMailThePagesAndTheReport() throws Exception {
        String domain = domain();
        String slug = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin@" + domain;
        String body = mvc.perform(post("/api/operator/organisations").header("Authorization", "Bearer " + OPERATOR_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"" + slug + "\",\"name\":\"New York Office\",\"adminEmails\":[\""
                                + adminEmail + "\"],\"timeZone\":\"America/New_York\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(mvc.perform(get("/api/operator/organisations").header("Authorization", "Bearer " + OPERATOR_KEY))
                .andReturn().getResponse().getContentAsString())
                .contains("\"slug\":\"" + slug + "\"").contains("\"timeZone\":\"America/New_York\"");
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        assertThat(id.find()).isTrue();
        OrganisationId organisation = new OrganisationId(UUID.fromString(id.group(1)));
        Actor admin = Actor.admin(adminEmail);
        CampaignId campaign = campaign(organisation, admin, "", "Ann", "ann@" + domain, "Ben", "ben@" + domain);
        RequestPostProcessor asAdmin = user(adminEmail).authorities(new SimpleGrantedAuthority("org:" + slug + ":admin"));
        String base = "/org/" + slug + "/campaigns/" + campaign.value();

        // the start form says in which zone the deadline is typed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.perform(get(base + "/rounds")
                .with(asAdmin)).andReturn().getResponse().getContentAsString()).contains("Start round 1"));
        assertThat(mvc.perform(get(base + "/rounds").with(asAdmin)).andReturn().getResponse().getContentAsString())
                .contains("Deadline <span class=\"muted\">(America/New_York, E");

        // a winter deadline, typed as New York wall-clock time
        int year = LocalDate.now(NEW_YORK).getYear() + 1;
        Instant deadline = ZonedDateTime.of(year, 1, 15, 17, 0, 0, 0, NEW_YORK).toInstant();
        String expected = LocalDate.of(year, 1, 15).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " 15 January " + year + ", 17:00 (America/New_York, EST)";
        mvc.perform(post(base + "/rounds").with(asAdmin).with(csrf())
                        .param("deadline", year + "-01-15T17:00").param("reminderDays", "3"))
                .andExpect(status().is3xxRedirection());
        List<RoundStarted> started = events().payloads(RoundStarted.class, e -> e.campaignId().equals(campaign));
        assertThat(started).hasSize(1);
        assertThat(started.get(0).deadline()).as("the typed time read in the organisation's zone")
                .isEqualTo(deadline).isEqualTo(Instant.parse(year + "-01-15T22:00:00Z"));

        // the invitation mail, through SMTP
        String ann = "ann@" + domain;
        await().atMost(Duration.ofSeconds(30)).until(() -> !SMTP.to(ann).isEmpty());
        MimeMessage mail = SMTP.to(ann).get(0);
        assertThat(SmtpServer.text(mail)).contains("by " + expected);
        assertThat(SmtpServer.html(mail)).contains(expected);
        String token = token(SmtpServer.text(mail), slug);

        // the nominator's page (once the read side knows the mailed link)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.perform(
                get("/org/" + slug + "/nominate/" + token)).andReturn().getResponse().getContentAsString())
                .contains(">" + expected + "</time>")
                .contains("datetime=\"" + deadline + "\" data-zone=\"America/New_York\""));

        // the admin's round page
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.perform(get(base + "/rounds/1")
                .with(asAdmin)).andReturn().getResponse().getContentAsString()).contains("Closes " + expected + "."));

        // a nomination, for a time in the CSV
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        nominate(organisation, campaign, ann, new NomineeInput("Cleo", "cleo@" + domain, "knows everyone"));
        Instant after = Instant.now();

        // the PDF report
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(csv(base, asAdmin)).contains("Cleo"));
        byte[] pdf = download(base + "/export/pdf", asAdmin);
        assertThat(text(pdf)).contains("Round 1: open, deadline " + expected)
                .contains("Times are in America/New_York, E");

        // the CSV: the zone in the header, its offset in the value, the moment it was recorded
        String[] lines = csv(base, asAdmin).split("\r\n");
        assertThat(lines[0]).contains("First named at (America/New_York)");
        String cleo = List.of(lines).stream().filter(l -> l.contains("Cleo")).findFirst().orElseThrow();
        Matcher time = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d)").matcher(cleo);
        assertThat(time.find()).as(cleo).isTrue();
        OffsetDateTime firstNamed = OffsetDateTime.parse(time.group(1));
        assertThat(firstNamed.getOffset()).isEqualTo(NEW_YORK.getRules().getOffset(firstNamed.toInstant()));
        assertThat(firstNamed.toInstant()).isBetween(before, after);
    }

    private String csv(String base, RequestPostProcessor asAdmin) throws Exception {
        return new String(download(base + "/export/csv", asAdmin), StandardCharsets.UTF_8);
    }

    /** Exports stream their body: the response is complete once the asynchronous part has run. */
    private byte[] download(String path, RequestPostProcessor asAdmin) throws Exception {
        MvcResult started = mvc.perform(get(path).with(asAdmin)).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private void nominate(OrganisationId organisation, CampaignId campaign, String email, NomineeInput nominee) {
        ContactInvited invitation = events().payloads(ContactInvited.class,
                e -> e.campaignId().equals(campaign) && e.email().equals(email)).get(0);
        Actor nominator = Actor.nominator(invitation.invitationId());
        wrt().send(new RecordLinkOpened(invitation.invitationId(), organisation), nominator);
        IssuedCode code = wrt().send(new RequestVerificationCode(invitation.invitationId(), organisation, email),
                nominator);
        wrt().send(new VerifyCode(invitation.invitationId(), organisation, code.code()), nominator);
        wrt().send(SubmitNominations.of(organisation, invitation.invitationId(), List.of(nominee)), nominator);
    }

    private static String text(byte[] pdf) throws Exception {
        StringBuilder text = new StringBuilder();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(document.getPage(page))).append('\n');
            }
        }
        return text.toString();
    }
}
