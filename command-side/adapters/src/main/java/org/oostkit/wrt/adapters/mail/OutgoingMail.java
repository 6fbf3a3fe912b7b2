package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.net.URI;
import java.time.Instant;

/**
 * Mails that the web layer sends on a person's request (as opposed to the mails the mail policy sends in
 * reaction to events). Raw secrets are passed in, mailed, and never logged or stored.
 */
public interface OutgoingMail {

    /** The one-time sign-in link of an admin or auditor. */
    void sendSignInLink(String email, URI link, Instant expiresAt);

    /** The 6-digit code a nominator asked for on their invitation. */
    void sendVerificationCode(OrganisationId organisationId, InvitationId invitationId, String email, String code,
                              Instant expiresAt);
}
