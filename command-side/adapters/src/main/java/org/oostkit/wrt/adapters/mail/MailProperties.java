package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.adapters.queues.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Outgoing mail ({@code wrt.mail.*}); without an SMTP host the mails stay in the in-app dev mailbox.
 *
 * @param from     the sender address ({@code MAIL_FROM})
 * @param provider whose tracking headers to add: {@code postmark}, {@code sendgrid} or {@code none}
 * @param recipientRetention how long after a round closed its recipients' addresses are kept (for late bounces)
 */
@ConfigurationProperties("wrt.mail")
public record MailProperties(Smtp smtp,
                             @DefaultValue("WRT <wrt@localhost>") String from,
                             @DefaultValue("none") String provider,
                             Sender sender,
                             @DefaultValue("30d") Duration recipientRetention) {

    public MailProperties {
        smtp = smtp == null ? new Smtp(null, 587, null, null, Duration.ofSeconds(30)) : smtp;
        sender = sender == null ? new Sender(16, 20, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofMinutes(30), 10, Duration.ofMinutes(2)) : sender;
    }

    /** Whether mails really go out by SMTP (otherwise into the dev mailbox). */
    public boolean smtpConfigured() {
        return smtp.host() != null && !smtp.host().isBlank();
    }

    public record Smtp(String host,
                       @DefaultValue("587") int port,
                       String username,
                       String password,
                       @DefaultValue("30s") Duration timeout) {

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", password=******]";
        }
    }

    /**
     * The outbox sender.
     *
     * @param threads        mails handed to SMTP in parallel (per instance); each mostly waits on the server and
     *                       the database, and needs a pooled database connection while it records
     * @param batchSize      outbox rows a thread claims at a time
     * @param pollInterval   how often an idle thread looks for due mails
     * @param initialBackoff the wait after the first temporary failure; doubled after each further one
     * @param maxBackoff     the longest wait between two attempts
     * @param maxAttempts    attempts before a temporarily failing mail is given up (recorded as failed)
     * @param lease          how long a claim holds: a row still claimed or sending after this, its instance is
     *                       taken for dead (claimed rows go back to the queue, sending rows become uncertain);
     *                       longer than the SMTP timeout
     */
    public record Sender(@DefaultValue("16") int threads,
                         @DefaultValue("20") int batchSize,
                         @DefaultValue("500ms") Duration pollInterval,
                         @DefaultValue("30s") Duration initialBackoff,
                         @DefaultValue("30m") Duration maxBackoff,
                         @DefaultValue("10") int maxAttempts,
                         @DefaultValue("2m") Duration lease) {

        /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
        public Duration backoff(int attempts) {
            return new Backoff(initialBackoff, maxBackoff).after(attempts);
        }
    }
}
