package org.oostkit.wrt.adapters.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Preview and "send me a test" (issue #17): the campaign's own texts, to the admin only, nothing recorded. */
class MailPreviewIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Test
    void thePreviewShowsTheCampaignsOwnMailsAndATestReachesOnlyTheAdminAndRecordsNothing() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "We meet in Utrecht on 12 January.",
                "Ada", "ada@" + domain);
        wrt().send(new ChangeCampaignSender(campaign, org, new CampaignSender("Youth council", "", "Grace Hopper",
                "grace@" + domain)), Actor.admin(admin));
        RequestPostProcessor asAdmin = user(admin).authorities(new SimpleGrantedAuthority(OrganisationRoles.admin(slug)));
        String base = "/org/" + slug + "/campaigns/" + campaign.value();

        await("the preview").atMost(WAIT).untilAsserted(() -> mvc.perform(get(base + "/mail-preview").with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("We meet in Utrecht on 12 January."),
                        containsString("Hello Alex Sample"), containsString("Your code for"),
                        containsString("Questions? Write to Grace Hopper"),
                        containsString("Future of work: who should be in the room?")))));
        mvc.perform(get(base + "/mail-preview/reminder.html").with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(content().string(allOf(containsString("A reminder: who should be in the room?"),
                        containsString("href=\"" + BASE_URL + base + "/mail-preview/form\""))));
        mvc.perform(get(base + "/mail-preview/nothing.html").with(asAdmin)).andExpect(status().isNotFound());

        long eventsBefore = eventsOf(campaign);
        mvc.perform(post(base + "/mail-preview/test").param("kind", "invitation").with(asAdmin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        await("the test mail").atMost(WAIT).until(() -> SMTP.to(admin).size() == 1);
        MimeMessage test = SMTP.to(admin).get(0);
        assertThat(test.getSubject()).isEqualTo("[TEST] Future of work: who should be in the room?");
        assertThat(SmtpServer.text(test)).contains("We meet in Utrecht on 12 January.")
                .contains(BASE_URL + base + "/mail-preview/form").doesNotContain("/nominate/");
        assertThat(SmtpServer.header(test, "X-PM-Metadata-invitation")).isNull();
        List<MimeMessage> toDomain = SMTP.received().stream().filter(m -> to(m, domain)).toList();
        assertThat(toDomain).hasSize(1);
        assertThat(eventsOf(campaign)).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE campaign_id = ?", Integer.class,
                campaign.value())).isZero();

        // the link opens a clearly labelled form that posts nowhere
        mvc.perform(get(base + "/mail-preview/form").with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nothing you enter here is sent or recorded"),
                        containsString("We meet in Utrecht on 12 January."), containsString("<fieldset class=\"card nominee\" disabled>"),
                        not(containsString("/nominate/")))));

        // an auditor may look but not send
        RequestPostProcessor auditor = user("audit@" + domain)
                .authorities(new SimpleGrantedAuthority(OrganisationRoles.auditor(slug)));
        mvc.perform(get(base + "/mail-preview").with(auditor)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Send me a test"))));
        mvc.perform(post(base + "/mail-preview/test").param("kind", "invitation").with(auditor).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSenderPageSavesTheSenderAndShowsEveryProblemAtOnce() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Ada", "ada@" + domain);
        RequestPostProcessor asAdmin = user(admin).authorities(new SimpleGrantedAuthority(OrganisationRoles.admin(slug)));
        String base = "/org/" + slug + "/campaigns/" + campaign.value();
        await("the campaign page").atMost(WAIT).untilAsserted(() -> mvc.perform(get(base + "/sender").with(asAdmin))
                .andExpect(status().isOk()));

        mvc.perform(post(base + "/sender").with(asAdmin).with(csrf()).param("senderName", "Council\u202E")
                        .param("replyTo", "nope").param("contactName", "Grace").param("contactEmail", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("text-direction character"),
                        containsString("is not a valid email address"), containsString("needs an email address"))));
        mvc.perform(post(base + "/sender").with(asAdmin).with(csrf()).param("senderName", "Youth council")
                        .param("replyTo", "Team@" + domain).param("contactName", "Grace")
                        .param("contactEmail", "grace@" + domain))
                .andExpect(status().is3xxRedirection());
        await("the saved sender").atMost(WAIT).untilAsserted(() -> mvc.perform(get(base + "/sender").with(asAdmin))
                .andExpect(content().string(allOf(containsString("value=\"Youth council\""),
                        containsString("value=\"team@" + domain + "\"")))));
    }

    private static boolean to(MimeMessage message, String domain) {
        try {
            return message.getAllRecipients()[0].toString().endsWith(domain + ">")
                    || message.getAllRecipients()[0].toString().endsWith(domain);
        } catch (Exception e) {
            return false;
        }
    }

    private long eventsOf(CampaignId campaign) {
        String id = campaign.value().toString();
        return events().all().stream().filter(e -> String.valueOf(e.getPayload()).contains(id)).count();
    }
}
