package org.oostkit.wrt.adapters.mail;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * What a sender instance that died leaves behind, and what becomes of it (the lease is 4 s in these tests):
 * a row it had only claimed goes out once; a row it was handing to SMTP is not sent again by itself and is
 * recorded as uncertain (for an admin to decide); a sent row it had not recorded yet is recorded without a second mail.
 */
class OutboxRecoveryIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void rowsOfADeadInstanceEndWithAtMostOneMailAndAVisibleState() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        CampaignId campaign = campaign(org, Actor.admin(admin), "",
                "Xavier", "xavier@" + domain, "Yara", "yara@" + domain, "Zed", "zed@" + domain);
        wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(10));
        Map<String, UUID> invitations = invitations(campaign);
        await("the invitations", WAIT, () -> invitations.keySet().stream().allMatch(a -> SMTP.to(a).size() == 1));

        UUID xavier = invitations.get("xavier@" + domain);
        UUID yara = invitations.get("yara@" + domain);
        UUID zed = invitations.get("zed@" + domain);
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        // a dead instance was handing Xavier's reminder to the server
        insertReminder(org, campaign, xavier, "sending", longAgo);
        // it had only claimed Yara's
        insertReminder(org, campaign, yara, "claimed", longAgo);
        // it had sent Zed's but not recorded it
        insertReminder(org, campaign, zed, "sent", longAgo);
        jdbc.update("UPDATE mail_outbox SET provider_message_id = '<before-the-crash@wrt.mail>', finished_at = ?"
                + " WHERE invitation_id = ? AND purpose = 'REMINDER'", longAgo, zed);
        // the links those two mails carried (only their hashes are kept until recorded)
        String xaviersLink = secrets.invitationTokenHash(secrets.newToken());
        String zedsLink = secrets.invitationTokenHash(secrets.newToken());
        jdbc.update("UPDATE mail_outbox SET token_hash = ? WHERE invitation_id = ? AND purpose = 'REMINDER'",
                xaviersLink, xavier);
        jdbc.update("UPDATE mail_outbox SET token_hash = ? WHERE invitation_id = ? AND purpose = 'REMINDER'",
                zedsLink, zed);

        await("Xavier's reminder uncertain and recorded", WAIT, () -> "uncertain".equals(outboxStatus(xavier, "REMINDER"))
                && !events().payloads(MailOutcomeUncertain.class, e -> e.invitationId().value().equals(xavier)
                && e.purpose() == MailPurpose.REMINDER).isEmpty());
        await("Yara's reminder sent", WAIT, () -> SMTP.to("yara@" + domain).size() == 2);
        await("Zed's reminder recorded", WAIT, () -> !events().payloads(MailSent.class,
                e -> e.invitationId().value().equals(zed) && e.purpose() == MailPurpose.REMINDER).isEmpty());
        // more than a lease: nothing else may happen, Xavier keeps his one mail the whole time
        Awaitility.await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .until(() -> SMTP.to("xavier@" + domain).size() == 1);

        assertThat(SMTP.to("xavier@" + domain)).hasSize(1);
        assertThat(SMTP.to("yara@" + domain)).hasSize(2);
        assertThat(SMTP.to("zed@" + domain)).hasSize(1);
        assertThat(events().payloads(MailOutcomeUncertain.class, e -> e.invitationId().value().equals(xavier)))
                .hasSize(1);
        assertThat(events().payloads(MailFailed.class, e -> e.invitationId().value().equals(xavier))).isEmpty();
        assertThat(outboxStatus(yara, "REMINDER")).isEqualTo("sent");
        assertThat(events().payloads(MailSent.class, e -> e.invitationId().value().equals(zed)
                && e.purpose() == MailPurpose.REMINDER).get(0).providerMessageId()).isEqualTo("<before-the-crash@wrt.mail>");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE invitation_id IN (?, ?, ?) AND NOT recorded",
                Integer.class, xavier, yara, zed)).isZero();
        // Xavier's mail may have arrived and Zed's did: their links work, and no hash stays behind once recorded
        assertThat(lastTokenHash(xavier)).isEqualTo(xaviersLink);
        assertThat(lastTokenHash(zed)).isEqualTo(zedsLink);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE invitation_id IN (?, ?, ?) "
                + "AND token_hash IS NOT NULL", Integer.class, xavier, yara, zed)).isZero();
    }

    private String lastTokenHash(UUID invitation) {
        List<InvitationTokenIssued> issued = events().payloads(InvitationTokenIssued.class,
                e -> e.invitationId().value().equals(invitation));
        return issued.get(issued.size() - 1).tokenHash();
    }

    private void insertReminder(OrganisationId org, CampaignId campaign, UUID invitation, String status, Timestamp at) {
        UUID round = jdbc.queryForObject("SELECT round_id FROM mail_recipient WHERE invitation_id = ?", UUID.class,
                invitation);
        jdbc.update("""
                INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id, status,
                    attempts, claimed_by, claimed_at)
                VALUES (?, 'REMINDER', ?, ?, ?, ?, 1, 'sender-that-died', ?)
                """, invitation, org.value(), campaign.value(), round, status, at);
    }
}
