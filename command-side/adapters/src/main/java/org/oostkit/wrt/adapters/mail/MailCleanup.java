package org.oostkit.wrt.adapters.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Purges expired sign-in links and the addresses of recipients of long-closed rounds, kept until then
 * only so that late bounces still reach the suppression list.
 */
@Component
class MailCleanup {

    private static final Logger log = LoggerFactory.getLogger(MailCleanup.class);

    private final JdbcTemplate jdbc;
    private final Duration recipientRetention;

    MailCleanup(JdbcTemplate jdbc, MailProperties properties) {
        this.jdbc = jdbc;
        this.recipientRetention = properties.recipientRetention();
    }

    /** Answers how many rows went. */
    int run() {
        int links = 0;
        if (jdbc.queryForObject("SELECT to_regclass('sign_in_link') IS NOT NULL", Boolean.class)) {
            links = jdbc.update("DELETE FROM sign_in_link WHERE expires_at < now()");
        }
        int recipients = jdbc.update("""
                DELETE FROM mail_recipient p USING mail_round r
                WHERE r.round_id = p.round_id AND r.closed_at < now() - ? * interval '1 second'
                  AND NOT EXISTS (SELECT 1 FROM mail_outbox o
                                  WHERE o.invitation_id = p.invitation_id AND o.status IN ('pending', 'claimed', 'sending'))
                """, recipientRetention.toSeconds());
        // selection mails belong to no round: their recipient goes once the mail is finished long enough
        recipients += jdbc.update("""
                DELETE FROM mail_recipient p
                WHERE p.round_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.invitation_id = p.invitation_id
                                    AND (o.finished_at IS NULL OR o.finished_at >= now() - ? * interval '1 second'))
                """, recipientRetention.toSeconds());
        if (links + recipients > 0) {
            log.info("Mail cleanup: {} expired sign-in links, {} recipients of long-closed rounds purged", links,
                    recipients);
        }
        return links + recipients;
    }
}
