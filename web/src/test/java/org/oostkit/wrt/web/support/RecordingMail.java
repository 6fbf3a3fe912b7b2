package org.oostkit.wrt.web.support;

import org.awaitility.Awaitility;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.adapters.mail.OutgoingMail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the mails the web layer asks for, in place of real sending (the mail feature is tested on its own
 * with GreenMail). {@code @Primary} so it wins over the real implementation where both exist.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingMail {

    @Bean
    @Primary
    Recorder recordingOutgoingMail() {
        return new Recorder();
    }

    public record SignInLink(String email, URI link, Instant expiresAt) {
    }

    public static class Recorder implements OutgoingMail {

        private final List<SignInLink> signInLinks = new CopyOnWriteArrayList<>();

        @Override
        public void sendSignInLink(String email, URI link, Instant expiresAt) {
            signInLinks.add(new SignInLink(email, link, expiresAt));
        }

        @Override
        public void sendVerificationCode(OrganisationId organisationId, InvitationId invitationId, String email,
                                         String code, Instant expiresAt) {
            throw new UnsupportedOperationException("not expected in these tests");
        }

        public List<SignInLink> signInLinksTo(String email) {
            return signInLinks.stream().filter(l -> l.email().equals(email)).toList();
        }

        /** The next link mailed to this address after {@code before} links, waiting up to 10 seconds. */
        public SignInLink awaitSignInLink(String email, int before) {
            return Awaitility.await("a sign-in link mailed to " + email).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> signInLinksTo(email), links -> links.size() > before).get(before);
        }
    }
}
