package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.adapters.i18n.Texts;

import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.adapters.jobs.RetentionMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Mails a person asked for (sign-in link, verification code, retention warning), sent at once by the
 * caller's thread so that the raw secret never leaves memory.
 */
class RequestMail implements OutgoingMail, RetentionMail {

    private static final Logger log = LoggerFactory.getLogger(RequestMail.class);
    static final long[] RETRY_WAITS_MS = {250, 750};

    private final MailComposer composer;
    private final MailTransport transport;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final MailLogos logos;

    RequestMail(MailComposer composer, MailTransport transport, JdbcTemplate jdbc, Clock clock, MailLogos logos) {
        this.logos = logos;
        this.composer = composer;
        this.transport = transport;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void sendSignInLink(String email, URI link, Instant expiresAt) {
        send(composer.signInLink(Emails.normalise(email), link, expiresAt));
    }

    @Override
    public void sendVerificationCode(OrganisationId organisationId, InvitationId invitationId, String email, String code,
                                     Instant expiresAt) {
        String address = Emails.normalise(email);
        List<Map<String, Object>> suppressed = jdbc.queryForList(
                "SELECT reason FROM mail_suppression WHERE organisation_id = ? AND email = ?",
                organisationId.value(), address);
        if (!suppressed.isEmpty()) {
            throw new MailNotSentException("We no longer send mail to this address: an earlier mail "
                    + ("SPAM_COMPLAINT".equals(suppressed.get(0).get("reason")) ? "was reported as spam." : "bounced.")
                    + " Please contact the organisers.", true, null);
        }
        List<Map<String, Object>> names = jdbc.queryForList("""
                SELECT g.name AS organisation_name, k.name AS campaign_name,
                       COALESCE(k.time_zone, g.time_zone) AS time_zone, k.sender_name, k.reply_to,
                       k.contact_name, k.contact_email, k.language
                FROM mail_recipient p
                JOIN mail_campaign k ON k.campaign_id = p.campaign_id
                JOIN mail_organisation g ON g.organisation_id = p.organisation_id
                WHERE p.invitation_id = ? AND p.organisation_id = ?
                """, invitationId.value(), organisationId.value());
        String organisationName = names.isEmpty() ? "Workshop Referral Tool" : (String) names.get(0).get("organisation_name");
        String campaignName = names.isEmpty() ? "your invitation" : (String) names.get(0).get("campaign_name");
        CampaignSender sender = names.isEmpty() ? CampaignSender.NONE : new CampaignSender(
                (String) names.get(0).get("sender_name"), (String) names.get(0).get("reply_to"),
                (String) names.get(0).get("contact_name"), (String) names.get(0).get("contact_email"));
        sendWithLogo(organisationId.value(), composer.verificationCode(organisationId.value(),
                invitationId.value(), organisationName, campaignName,
                address, code, expiresAt, clock.instant(),
                composer.zone(names.isEmpty() ? null : (String) names.get(0).get("time_zone")), sender,
                Texts.locale(names.isEmpty() ? null : (String) names.get(0).get("language"))));
    }

    /** Sent by the retention job, which records the warning first: a failure is reported, never resent. */
    @Override
    public void sendRetentionWarning(String email, String organisationName, String campaignName, Instant erasureAt,
                                     ZoneId zone, URI campaignLink) {
        String path = campaignLink.getRawPath() + (campaignLink.getRawQuery() == null ? "" : "?" + campaignLink.getRawQuery());
        send(composer.retentionWarning(null, organisationName, campaignName, Emails.normalise(email), erasureAt, zone,
                path));
    }

    /** A nominator's mail, with the organisation's logo embedded when it has one. */
    void sendWithLogo(java.util.UUID organisation, MailMessage message) {
        send(message.withLogo(logos.png(organisation).orElse(null)));
    }

    void send(MailMessage message) {
        for (int attempt = 0; ; attempt++) {
            try {
                transport.send(message);
                log.info("{} mail sent as {}", message.kind(), message.messageId());
                return;
            } catch (MailDeliveryException e) {
                if (e.permanent() || attempt >= RETRY_WAITS_MS.length) {
                    log.warn("{} mail {} not sent ({}, {})", message.kind(), message.messageId(),
                            e.permanent() ? "refused" : "temporary", e.getCause() == null ? "-"
                                    : e.getCause().getClass().getSimpleName());
                    throw new MailNotSentException(e.permanent()
                            ? "The mail server refused this address. Please check it."
                            : "We could not send the mail just now. Please try again in a few minutes.", false, e);
                }
                try {
                    Thread.sleep(RETRY_WAITS_MS[attempt]);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new MailNotSentException("We could not send the mail just now. Please try again.", false, e);
                }
            }
        }
    }
}
