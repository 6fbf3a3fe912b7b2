package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.adapters.mail.OutgoingMail;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the mails instead of sending them, so tests can read the code a nominator would receive. */
class RecordingMail implements OutgoingMail {

    record Code(OrganisationId organisationId, InvitationId invitationId, String email, String code,
                Instant expiresAt) {
    }

    final List<Code> codes = new CopyOnWriteArrayList<>();
    /** When set, the next mail fails with it (a mail server that does not answer). */
    volatile RuntimeException failure;

    @Override
    public void sendSignInLink(String email, URI link, Instant expiresAt) {
        throw new UnsupportedOperationException("the nominator's pages send no sign-in links");
    }

    @Override
    public void sendVerificationCode(OrganisationId organisationId, InvitationId invitationId, String email,
                                     String code, Instant expiresAt) {
        RuntimeException fail = failure;
        if (fail != null) {
            failure = null;
            throw fail;
        }
        codes.add(new Code(organisationId, invitationId, email, code, expiresAt));
    }

    Code lastCode() {
        return codes.get(codes.size() - 1);
    }

    /** The code mailed for this invitation after {@code before} earlier ones (codes are mailed asynchronously). */
    Code awaitCode(InvitationId invitation, int before) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> codes.stream().filter(c -> c.invitationId().equals(invitation)).skip(before).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
