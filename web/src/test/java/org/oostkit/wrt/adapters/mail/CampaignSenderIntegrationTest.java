package org.oostkit.wrt.adapters.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSenderChanged;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Who the mail comes from (issue #17): sender name and Reply-To in the SMTP headers, the contact in mail and page. */
class CampaignSenderIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Test
    void theInvitationCarriesTheSenderNameReplyToAndContactButTheConfiguredAddress() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Ada", "ada@" + domain);
        wrt().send(new ChangeCampaignSender(campaign, org, new CampaignSender("Youth council Utrecht",
                "team@" + domain, "Grace Hopper", "grace@" + domain)), Actor.admin(admin));
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));

        await("the invitation").atMost(WAIT).until(() -> SMTP.to("ada@" + domain).size() == 1);
        MimeMessage mail = SMTP.to("ada@" + domain).get(0);
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Youth council Utrecht");
        assertThat(from.getAddress()).isEqualTo("wrt@sender.test"); // the envelope and SPF/DKIM domain stay WRT's
        assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("team@" + domain);
        String contact = "Questions? Write to Grace Hopper (grace@" + domain + ").";
        assertThat(SmtpServer.text(mail)).contains(contact);
        assertThat(SmtpServer.html(mail)).contains("href=\"mailto:grace@" + domain + "\"");

        // the event names who changed it
        assertThat(events().messages(CampaignSenderChanged.class).stream()
                .filter(m -> ((CampaignSenderChanged) m.getPayload()).campaignId().equals(campaign)))
                .singleElement().satisfies(m -> assertThat(m.getMetaData().get(Actor.METADATA_KEY))
                        .isEqualTo("admin:" + admin));

        // the nominator's page names the same contact
        String token = token(SmtpServer.text(mail), slug);
        // the link works from the mail's record on, moments after the mail server took it
        await("the nominator's page").atMost(WAIT).untilAsserted(() -> mvc.perform(get("/org/" + slug + "/nominate/"
                + token)).andExpect(content().string(containsString("mailto:grace@" + domain))));
    }

    @Test
    void withoutASenderTheMailComesFromTheConfiguredSenderAndHasNoReplyTo() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Bob", "bob@" + domain);
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));

        await("the invitation").atMost(WAIT).until(() -> SMTP.to("bob@" + domain).size() == 1);
        MimeMessage mail = SMTP.to("bob@" + domain).get(0);
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("WRT");
        assertThat(mail.getHeader("Reply-To")).isNull();
        assertThat(SmtpServer.text(mail)).doesNotContain("Questions?");
    }
}
