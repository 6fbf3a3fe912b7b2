package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.adapters.i18n.Texts;

import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The nominator mails of a campaign as a nominator will see them, with a sample name and a placeholder link,
 * from the same templates, wording and sender the outbox uses; and "send me a test", which mails one preview
 * to the signed-in admin only. Nothing here touches the outbox, an invitation or the event store.
 */
@Component
public class MailPreviews {

    /** The nominator mails an admin can preview. */
    public enum Kind {
        INVITATION("Invitation"), REMINDER("Reminder"), CODE("Verification code");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named in a URL, or null. */
        public static Kind of(String slug) {
            for (Kind kind : values()) {
                if (kind.slug().equals(slug)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public static final String SAMPLE_NAME = "Alex Sample";
    public static final String SAMPLE_CODE = "123456";
    public static final String TEST_MARK = "[TEST] ";

    /** One rendered preview. */
    public record Preview(Kind kind, String subject, String text, String html) {
    }

    private final JdbcTemplate jdbc;
    private final MailComposer composer;
    private final RequestMail sender;
    private final ProviderHeaders providerHeaders;
    private final Clock clock;
    private final MailLogos logos;

    MailPreviews(JdbcTemplate jdbc, MailComposer composer, RequestMail sender, MailProperties properties,
                 Clock clock, MailLogos logos) {
        this.logos = logos;
        this.jdbc = jdbc;
        this.composer = composer;
        this.sender = sender;
        this.providerHeaders = new ProviderHeaders(properties.provider());
        this.clock = clock;
    }

    /** Every kind, as a nominator named {@link #SAMPLE_NAME} would receive it. */
    public List<Preview> all(UUID organisationId, UUID campaignId, Instant deadline, String linkPath) {
        return List.of(Kind.values()).stream()
                .map(k -> preview(organisationId, campaignId, k, deadline, linkPath)).toList();
    }

    public Preview preview(UUID organisationId, UUID campaignId, Kind kind, Instant deadline, String linkPath) {
        MailMessage mail = render(organisationId, campaignId, kind, deadline, linkPath, "nominator@example.org");
        // the preview page frames the HTML: the logo comes along as a data address (its policy allows only those)
        String html = logos.png(organisationId).map(png -> mail.html().replace(MailMessage.LOGO_SLOT,
                MailMessage.logoImage("data:image/png;base64," + Base64.getEncoder().encodeToString(png))))
                .orElse(mail.html());
        return new Preview(kind, mail.subject(), mail.text(), html);
    }

    /**
     * Mails one preview, marked as a test in its subject, to the signed-in admin's own address, at once; no
     * provider metadata names an invitation, so no delivery report can touch one.
     *
     * @throws MailNotSentException when the server did not take it
     */
    public void sendTest(UUID organisationId, UUID campaignId, Kind kind, Instant deadline, String linkPath,
                         String admin) {
        String to = Emails.normalise(admin);
        MailMessage mail = render(organisationId, campaignId, kind, deadline, linkPath, to);
        sender.sendWithLogo(organisationId, new MailMessage("test-" + mail.kind(), mail.messageId(), to, null,
                TEST_MARK + mail.subject(), mail.text(), mail.html(),
                providerHeaders.headers(organisationId, null, false), mail.createdAt(), mail.sender()));
    }

    private MailMessage render(UUID organisationId, UUID campaignId, Kind kind, Instant deadline, String linkPath,
                               String to) {
        List<OutboxRow> rows = jdbc.query("""
                SELECT g.slug, g.name AS organisation_name, k.name AS campaign_name, k.invitation_text,
                       COALESCE(k.time_zone, g.time_zone) AS time_zone, k.sender_name, k.reply_to, k.contact_name, k.contact_email,
                       k.language
                FROM mail_campaign k JOIN mail_organisation g ON g.organisation_id = k.organisation_id
                WHERE k.campaign_id = ? AND k.organisation_id = ?
                """, (rs, i) -> new OutboxRow(new UUID(0, 0), kind == Kind.REMINDER ? "REMINDER" : "INVITATION",
                organisationId, campaignId, 0, to, SAMPLE_NAME, rs.getString("slug"),
                rs.getString("organisation_name"), rs.getString("campaign_name"), rs.getString("invitation_text"),
                deadline, rs.getString("time_zone"), CampaignSenders.sender(rs), rs.getString("language")), campaignId,
                organisationId);
        if (rows.isEmpty()) {
            throw new NotFound("Campaign");
        }
        OutboxRow row = rows.get(0);
        if (kind == Kind.CODE) {
            Instant now = clock.instant();
            CampaignSender campaignSender = row.sender();
            return composer.verificationCode(organisationId, null, row.organisationName(), row.campaignName(), to,
                    SAMPLE_CODE, now.plus(Duration.ofMinutes(15)), now, composer.zone(row.timeZone()),
                    campaignSender, Texts.locale(row.language()));
        }
        return composer.invitationMail(row, composer.absolute(linkPath));
    }
}
