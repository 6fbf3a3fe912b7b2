package org.oostkit.wrt.web.mail;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.adapters.mail.ComposedMails;
import org.oostkit.wrt.adapters.mail.DevMailbox;
import org.oostkit.wrt.adapters.mail.MailMessage;
import org.oostkit.wrt.adapters.mail.MailProperties;
import org.oostkit.wrt.adapters.mail.MailTransport;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dev mailbox page: every kept mail with both bodies, newest first. */
@WebMvcTest(DevMailController.class)
@Import({SecurityConfiguration.class, DevMailControllerTest.Mailbox.class})
class DevMailControllerTest {

    @TestConfiguration
    static class Mailbox {
        @Bean
        MailTransport mailTransport() {
            return new DevMailbox();
        }

        @Bean
        MailProperties mailProperties() {
            return new MailProperties(null, "WRT <wrt@localhost>", "none", null, java.time.Duration.ofDays(30));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MailTransport transport;

    @Test
    void listsTheMailsNewestFirstWithBothBodies() throws Exception {
        ComposedMails composer = new ComposedMails("http://localhost:8080");
        transport.send(composer.invitation("first@example.org", "First <One>", "acme", "Acme", "Older campaign",
                Instant.parse("2026-12-04T16:00:00Z"), "token-one"));
        transport.send(composer.signInLink("second@example.org", "/login/link/token-two",
                Instant.parse("2026-12-01T10:00:00Z")));

        String page = mvc.perform(get("/dev/mail")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Dev mailbox · Workshop Referral Tool</title>")
                .contains("Your sign-in link for the Workshop Referral Tool")
                .contains("Older campaign: who should be in the room?")
                .contains("First &lt;One&gt; &lt;first@example.org&gt;")
                .contains("http://localhost:8080/org/acme/nominate/token-one")
                .contains("<iframe class=\"dev-mail-html\"")
                .doesNotContain("<h2>First <One>");
        assertThat(page.indexOf("Your sign-in link")).isLessThan(page.indexOf("Older campaign: who"));
    }

    @Test
    void servesEachHtmlBodyForItsFrameWithItsOwnStylesAndNothingElse() throws Exception {
        ComposedMails composer = new ComposedMails("http://localhost:8080");
        MailMessage mail = composer.signInLink("third@example.org", "/login/token-three",
                Instant.parse("2026-12-01T10:00:00Z"));
        transport.send(mail);
        String page = mvc.perform(get("/dev/mail")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("src=\"/dev/mail/html?id"); // "=" is written as &#61;

        mvc.perform(get("/dev/mail/html").param("id", mail.messageId()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("http://localhost:8080/login/token-three")))
                .andExpect(header().string("Content-Security-Policy", containsString("style-src 'unsafe-inline'")))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
        mvc.perform(get("/dev/mail/html").param("id", "<unknown@wrt.mail>")).andExpect(status().isNotFound());
        mvc.perform(get("/dev/mail/html").param("id", mail.messageId()).with(request -> {
            request.setRemoteAddr("192.0.2.10");
            return request;
        })).andExpect(status().isNotFound());
    }

    @Test
    void isShownOnlyOnThisMachine() throws Exception {
        mvc.perform(get("/dev/mail").with(request -> {
            request.setRemoteAddr("192.0.2.10");
            return request;
        })).andExpect(status().isNotFound());
    }
}
