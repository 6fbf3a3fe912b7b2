package org.oostkit.wrt.adapters.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Mails exactly as the composer writes them, for the web's tests of pages that show mails. */
public final class ComposedMails {

    private final MailComposer composer;

    public ComposedMails(String baseUrl) {
        this.composer = new MailComposer(new MailTemplates(), new ProviderHeaders("none"), baseUrl, ZoneOffset.UTC);
    }

    /** An invitation of an English campaign without a sender, its link carrying {@code token}. */
    public MailMessage invitation(String email, String name, String slug, String organisationName,
                                  String campaignName, Instant deadline, String token) {
        return composer.invitationMail(new OutboxRow(UUID.randomUUID(), "INVITATION", UUID.randomUUID(),
                UUID.randomUUID(), 0, email, name, slug, organisationName, campaignName, "", deadline, null), token);
    }

    /** A sign-in link mail, the link at {@code path} of the base address. */
    public MailMessage signInLink(String email, String path, Instant expiresAt) {
        return composer.signInLink(email, composer.absolute(path), expiresAt);
    }
}
