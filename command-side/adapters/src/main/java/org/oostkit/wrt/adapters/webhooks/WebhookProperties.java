package org.oostkit.wrt.adapters.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Webhook credentials and limits ({@code wrt.webhooks.*}). An endpoint whose credentials are unset refuses
 * every request: a webhook anyone can post to would let anyone mark mails bounced.
 */
@ConfigurationProperties("wrt.webhooks")
public record WebhookProperties(@DefaultValue Postmark postmark,
                         @DefaultValue SendGrid sendgrid,
                         @DefaultValue RateLimit rateLimit,
                         @DefaultValue Inbox inbox,
                         @DefaultValue Body body) {

    /** The HTTP basic credentials Postmark is configured to send (Postmark webhook settings). */
    public record Postmark(String username, String password) {
    }

    /**
     * The signed event webhook's verification key (base64 DER, as SendGrid shows it) and how old a signed
     * timestamp may be.
     */
    public record SendGrid(String publicKey, @DefaultValue("PT5M") Duration maxAge) {
    }

    /** Requests per minute and client IP that fail authentication before they are answered with 429. */
    public record RateLimit(@DefaultValue("100") int unauthenticatedPerMinute) {
    }

    /**
     * Threads per node that apply accepted webhook records as commands, and how many tries a failing record
     * gets (backing off up to 30 minutes between them) before it is parked for an operator.
     */
    public record Inbox(@DefaultValue("2") int workers, @DefaultValue("10") int maxAttempts) {
    }

    /**
     * The largest request body taken (larger ones are 413 before they are read) and the time the whole body
     * may take to arrive (a slower one is 408, so a trickling client cannot keep its connection forever).
     */
    public record Body(@DefaultValue("1MB") DataSize maxSize, @DefaultValue("PT10S") Duration readTimeout) {
    }
}
