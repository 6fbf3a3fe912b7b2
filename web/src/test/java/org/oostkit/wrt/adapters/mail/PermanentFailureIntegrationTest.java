package org.oostkit.wrt.adapters.mail;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * A permanent address problem fails the mail once, with its reason, and is not retried; the other contacts
 * of the round are mailed as usual.
 */
class PermanentFailureIntegrationTest extends MailIntegrationTestSupport {

    @Autowired
    OutboxSender sender;

    @Test
    void aLineBreakInANameFailsOnceWithItsReasonAndIsNotRetried() {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        CampaignId campaign = campaign(org, Actor.admin(admin), "", "Mallory", "mallory@" + domain,
                "Nora", "nora@" + domain);
        // the sender waits while Mallory's name is given the line break an old event could still carry
        sender.stop();
        try {
            wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
            await("the invitations queued", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                    "SELECT count(*) FROM mail_outbox WHERE campaign_id = ?", Integer.class, campaign.value()) == 2);
            jdbc.update("UPDATE mail_recipient SET name = ? WHERE email = ?", "Mallory\r\nBcc: all@evil.test",
                    "mallory@" + domain);
        } finally {
            sender.start();
        }
        Map<String, UUID> invitations = invitations(campaign);
        UUID mallory = invitations.get("mallory@" + domain);

        await("Mallory's failure recorded", Duration.ofSeconds(40), () -> !events().payloads(MailFailed.class,
                e -> e.invitationId().value().equals(mallory)).isEmpty());
        await("Nora's invitation", Duration.ofSeconds(40), () -> SMTP.to("nora@" + domain).size() == 1);

        List<MailFailed> failures = events().payloads(MailFailed.class, e -> e.invitationId().value().equals(mallory));
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).permanent()).isTrue();
        assertThat(failures.get(0).reason()).contains("line break");
        assertThat(jdbc.queryForMap("SELECT status, attempts, last_error FROM mail_outbox WHERE invitation_id = ?",
                mallory)).containsEntry("status", "failed").containsEntry("attempts", 1)
                .hasEntrySatisfying("last_error", reason -> assertThat((String) reason).contains("line break"));
        assertThat(SMTP.to("mallory@" + domain)).isEmpty();
        assertThat(SMTP.to("all@evil.test")).isEmpty();
    }
}
