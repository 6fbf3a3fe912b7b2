package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.springframework.stereotype.Component;

/**
 * For the shortlist pages: the "you have been selected" mail as it would read (the preview). How each person's
 * mail stands comes from the shortlist read model, built from the campaign's events.
 */
@Component
public class SelectionMails {

    /** A rendered preview. */
    public record Preview(String subject, String text, String html) {
    }

    private final MailComposer composer;

    SelectionMails(MailComposer composer) {
        this.composer = composer;
    }

    /** The mail exactly as the outbox composes it, for the given person's name. */
    public Preview preview(String organisationName, String campaignName, String name, String message,
                           CampaignSender sender, String language) {
        MailMessage mail = composer.selectionMail(null, organisationName, campaignName, "preview@example.org", name,
                message, sender, Texts.locale(language));
        return new Preview(mail.subject(), mail.text(), mail.html());
    }
}
