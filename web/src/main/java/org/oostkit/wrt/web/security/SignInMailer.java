package org.oostkit.wrt.web.security;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import jakarta.annotation.PreDestroy;
import org.oostkit.wrt.adapters.mail.OutgoingMail;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * Sends a sign-in link to an address if, and only if, it belongs to an admin or auditor. The work happens
 * off the request thread, so the answer to {@code POST /login} is the same page after the same time whether
 * the address is known or not (no account enumeration by content or timing).
 */
@Component
class SignInMailer {

    /** Unused, unexpired links an address may have at once. */
    static final int MAX_OUTSTANDING = 3;
    private static final Logger log = LoggerFactory.getLogger(SignInMailer.class);

    private final Members members;
    private final SignInLinks links;
    private final OutgoingMail mail;
    private final WrtMetrics metrics;
    private final String baseUrl;
    // bounded: the sign-in rate limit keeps it short; a flood beyond it is dropped, never queued without end
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    SignInMailer(Members members, SignInLinks links, OutgoingMail mail, WrtMetrics metrics,
                 @Value("${wrt.base-url}") String baseUrl) {
        this.members = members;
        this.links = links;
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(500);
        executor.setKeepAliveSeconds(60);
        executor.setDaemon(true);
        executor.setThreadNamePrefix("sign-in-mail-");
        executor.setRejectedExecutionHandler((runnable, pool) -> log.warn("Sign-in link request dropped: too many waiting"));
        // links already asked for still go out on shutdown, for at most 5 seconds
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        executor.initialize();
        this.mail = mail;
        this.metrics = metrics;
        this.baseUrl = baseUrl;
    }

    /** Queues the request; the caller learns nothing about the address. */
    void requestLink(String normalisedEmail) {
        executor.execute(() -> sendIfMember(normalisedEmail));
    }

    void sendIfMember(String email) {
        try {
            if (members.organisationsOf(email).isEmpty()) {
                return;
            }
            if (links.outstanding(email) >= MAX_OUTSTANDING) {
                // the per-IP limit does not stop many addresses asking for one person; this does
                log.warn("Sign-in link not sent: {} links for this address are still unused", MAX_OUTSTANDING);
                return;
            }
            SignInLinks.Issued issued = links.issue(email);
            URI link = UriComponentsBuilder.fromUriString(baseUrl).path("/login/{token}").build(issued.token());
            try {
                mail.sendSignInLink(email, link, issued.expiresAt());
            } catch (RuntimeException notSent) {
                links.withdraw(issued);
                throw notSent;
            }
            metrics.signInLinkIssued();
        } catch (RuntimeException e) {
            // no address in the log: it is personal data, and the log is not the place to learn who asked
            log.error("Could not send a sign-in link: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
