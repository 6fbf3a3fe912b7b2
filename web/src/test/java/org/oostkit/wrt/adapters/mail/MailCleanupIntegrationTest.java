package org.oostkit.wrt.adapters.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cleanup task purges expired sign-in links (the sign-in feature's table, made here as that feature's
 * migration makes it) and the addresses of recipients of rounds closed longer ago than the retention.
 */
class MailCleanupIntegrationTest extends MailIntegrationTestSupport {

    @Autowired
    MailCleanup cleanup;

    @Test
    void purgesExpiredLinksAndOldRecipientsOnly() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS sign_in_link (token_hash TEXT PRIMARY KEY, email TEXT, "
                + "expires_at TIMESTAMPTZ, used_at TIMESTAMPTZ)");
        String expired = UUID.randomUUID().toString();
        String valid = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO sign_in_link (token_hash, email, expires_at) VALUES (?, 'a@x.test', ?), (?, 'b@x.test', ?)",
                expired, Timestamp.from(Instant.now().minusSeconds(60)), valid, Timestamp.from(Instant.now().plusSeconds(600)));

        UUID org = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        UUID oldRound = UUID.randomUUID();
        UUID recentRound = UUID.randomUUID();
        jdbc.update("INSERT INTO mail_round (round_id, organisation_id, campaign_id, round_number, deadline, closed_at)"
                + " VALUES (?, ?, ?, 1, ?, ?), (?, ?, ?, 2, ?, ?)",
                oldRound, org, campaign, Timestamp.from(Instant.now().minus(Duration.ofDays(40))),
                Timestamp.from(Instant.now().minus(Duration.ofDays(40))),
                recentRound, org, campaign, Timestamp.from(Instant.now().minus(Duration.ofDays(2))),
                Timestamp.from(Instant.now().minus(Duration.ofDays(2))));
        UUID oldRecipient = UUID.randomUUID();
        UUID recentRecipient = UUID.randomUUID();
        jdbc.update("INSERT INTO mail_recipient (invitation_id, organisation_id, campaign_id, round_id, email, name)"
                        + " VALUES (?, ?, ?, ?, 'old@x.test', 'Old'), (?, ?, ?, ?, 'recent@x.test', 'Recent')",
                oldRecipient, org, campaign, oldRound, recentRecipient, org, campaign, recentRound);

        assertThat(cleanup.run()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForList("SELECT token_hash FROM sign_in_link WHERE token_hash IN (?, ?)", String.class,
                expired, valid)).containsExactly(valid);
        assertThat(jdbc.queryForList("SELECT invitation_id FROM mail_recipient WHERE invitation_id IN (?, ?)",
                UUID.class, oldRecipient, recentRecipient)).containsExactly(recentRecipient);
    }
}
