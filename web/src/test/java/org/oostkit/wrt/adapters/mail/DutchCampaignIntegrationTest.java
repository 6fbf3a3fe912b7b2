package org.oostkit.wrt.adapters.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignLanguageChanged;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignLanguage;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Dutch campaign (issue #17): its invitation, code mail, landing page and form contain no English sentence,
 * checked against every sentence of the English bundle; the nominator can still switch the page to German.
 */
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration")
class DutchCampaignIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Test
    void aDutchCampaignSpeaksDutchFromInvitationToForm() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        String ada = "ada@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Ada", ada);
        wrt().send(new ChangeCampaignLanguage(campaign, org, "nl"), Actor.admin(admin));
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        assertThat(events().messages(CampaignLanguageChanged.class).stream()
                .filter(m -> ((CampaignLanguageChanged) m.getPayload()).campaignId().equals(campaign)))
                .singleElement().satisfies(m -> assertThat(m.getMetaData().get(Actor.METADATA_KEY))
                        .isEqualTo("admin:" + admin));

        await("the invitation").atMost(WAIT).until(() -> SMTP.to(ada).size() == 1);
        MimeMessage invitation = SMTP.to(ada).get(0);
        assertThat(invitation.getSubject()).contains("wie moet er aan tafel zitten?");
        assertNoEnglish("invitation text", SmtpServer.text(invitation));
        assertNoEnglish("invitation html", SmtpServer.html(invitation));
        assertThat(SmtpServer.text(invitation)).contains("Beste Ada,").containsPattern("uiterlijk \\p{L}+dag \\d+ ");

        String token = token(SmtpServer.text(invitation), slug);
        MockHttpSession session = new MockHttpSession();
        // the link opens once the read model knows the invitation
        await("the invitation in the read model").atMost(WAIT).until(() -> mvc.perform(
                get("/org/" + slug + "/nominate/" + token).session(session)).andReturn().getResponse().getStatus() == 200);
        String landing = page(session, "/org/" + slug + "/nominate/" + token);
        assertThat(landing).contains("<html lang=\"nl\">").contains("Bevestig uw e-mailadres");
        assertNoEnglish("landing page", landing);

        String codePath = mvc.perform(post("/org/" + slug + "/nominate/request-link").session(session).with(csrf())
                .param("token", token).param("email", ada)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        await("the code").atMost(WAIT).until(() -> SMTP.to(ada).size() == 2);
        MimeMessage codeMail = SMTP.to(ada).get(1);
        assertThat(codeMail.getSubject()).startsWith("Uw verificatiecode");
        assertNoEnglish("code mail text", SmtpServer.text(codeMail));
        assertNoEnglish("code mail html", SmtpServer.html(codeMail));
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(SmtpServer.text(codeMail));
        assertThat(code.find()).isTrue();

        String codePage = page(session, codePath);
        assertNoEnglish("code page", codePage);
        String formPath = mvc.perform(post("/org/" + slug + "/nominate/verify/code").session(session).with(csrf())
                .param("code", code.group(1))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        String form = page(session, formPath);
        assertThat(form).contains("Wie moet er aan tafel zitten?").contains("Mijn voordrachten opslaan");
        assertNoEnglish("form", form);

        // the nominator's own choice outranks the campaign's, for the rest of the session
        String german = page(session, "/org/" + slug + "/nominate/form?lang=de");
        assertThat(german).contains("<html lang=\"de\">").contains("Meine Vorschläge speichern");
        assertNoEnglish("form in German", german);
        keep("landing-nl", landing);
        keep("code-nl", codePage);
        keep("form-nl", form);
        keep("form-de", german);
    }

    /** The pages as served, under target/, to look at in a browser (the stylesheet path made relative). */
    private static void keep(String name, String html) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "nominator-pages");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve(name + ".html"), html.replace("href=\"/css/", "href=\"css/"));
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** No run of three or more words from an English text (between its placeholders and tags) appears. */
    private static void assertNoEnglish(String what, String content) throws IOException {
        for (String sentence : englishSentences()) {
            assertThat(content).as(what + " contains English: " + sentence).doesNotContain(sentence);
        }
    }

    static List<String> englishSentences() throws IOException {
        Properties english = NominatorTextsTest.bundle("");
        List<String> sentences = new ArrayList<>();
        for (String value : english.stringPropertyNames().stream().map(english::getProperty).toList()) {
            for (String part : value.split("\\{\\{[^}]*}}|<[^>]*>|\\{\\d[^}]*}|[{}|#]")) {
                String fragment = part.strip();
                if (fragment.split("\\s+").length >= 3) {
                    sentences.add(fragment);
                }
            }
        }
        assertThat(sentences).hasSizeGreaterThan(80);
        return sentences;
    }
}
