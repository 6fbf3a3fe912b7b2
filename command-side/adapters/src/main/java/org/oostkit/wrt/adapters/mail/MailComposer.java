package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.adapters.i18n.Texts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Turns what a mail is about into a {@link MailMessage}: template, absolute links, provider headers. */
class MailComposer {

    static final String FOOTER = "Sent by the Workshop Referral Tool on behalf of the organisation named above.";

    private static final Texts TEXTS = Texts.bundled();

    private final MailTemplates templates;
    private final ProviderHeaders providerHeaders;
    private final String baseUrl;
    private final ZoneId defaultZone;

    /** {@code defaultZone}: for mails about no organisation, and organisations and campaigns without a zone. */
    MailComposer(MailTemplates templates, ProviderHeaders providerHeaders, String baseUrl, ZoneId defaultZone) {
        this.templates = templates;
        this.providerHeaders = providerHeaders;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.defaultZone = defaultZone;
    }

    /** The zone a stored id names, or the default for none. */
    ZoneId zone(String timeZone) {
        return timeZone == null ? defaultZone : ZoneId.of(timeZone);
    }

    /** The nominator's personal link: {@code {base}/org/{slug}/nominate/{token}}. */
    URI nominationLink(String slug, String token) {
        return URI.create(baseUrl + "/org/" + encode(slug) + "/nominate/" + encode(token));
    }

    /** An absolute address of this application. */
    URI absolute(String path) {
        return URI.create(baseUrl + (path.startsWith("/") ? path : "/" + path));
    }

    /** The invitation or reminder of an outbox row, with the raw token in its link. */
    MailMessage invitationMail(OutboxRow row, String token) {
        return invitationMail(row, nominationLink(row.slug(), token));
    }

    /** The invitation or reminder of an outbox row with the given link (a preview's placeholder). */
    MailMessage invitationMail(OutboxRow row, URI link) {
        boolean reminder = MailPurpose.valueOf(row.purpose()).reminder();
        ZoneId zone = zone(row.timeZone());
        Locale locale = Texts.locale(row.language());
        // the deadline word for word as the nominator's page states it, in the campaign's language
        String deadline = LocalTimes.moment(row.deadline(), zone, locale);
        Map<String, Object> model = base(row.organisationName(), locale);
        // a seed may have no name: greet with "Hello," rather than "Hello ,"
        model.put("name", row.name() == null || row.name().isBlank() ? null : row.name().strip());
        model.put("campaignName", row.campaignName());
        model.put("invitationText", row.invitationText() == null || row.invitationText().isBlank()
                ? null : row.invitationText().strip());
        model.put("invitationParagraphs", paragraphs(row.invitationText()));
        model.put("deadline", deadline);
        model.put("deadlineShort", LocalTimes.dayMonth(row.deadline(), zone, locale));
        model.put("link", link.toString());
        model.put("buttonLabel", TEXTS.get(locale, "mail.invitation.button"));
        model.put("preheader", TEXTS.get(locale, reminder ? "mail.reminder.preheader" : "mail.invitation.preheader",
                deadline));
        contact(model, row.sender());
        MailTemplates.Rendered rendered = templates.render(
                reminder ? MailTemplates.Kind.REMINDER : MailTemplates.Kind.INVITATION, model, locale);
        return message(reminder ? "reminder" : "invitation", row.email(), row.name(), rendered,
                providerHeaders.headers(row.organisationId(), row.invitationId(), true), row.sender());
    }

    /**
     * "You have been selected" to a shortlisted person in the campaign's language, with the admin's message; no link. Also renders the
     * preview on the shortlist page ({@code organisationId} null there). The provider headers name no invitation:
     * a bounce report for this mail must not be taken for one of an invitation.
     */
    MailMessage selectionMail(UUID organisationId, String organisationName, String campaignName,
                              String email, String name, String message, CampaignSender sender, Locale locale) {
        Map<String, Object> model = base(organisationName, locale);
        model.put("name", name == null || name.isBlank() ? null : name.strip());
        model.put("campaignName", campaignName);
        model.put("messageParagraphs", paragraphs(message));
        model.put("preheader", TEXTS.get(locale, "mail.selection.preheader", organisationName));
        contact(model, sender);
        return message("selection", email, name, templates.render(MailTemplates.Kind.SELECTION, model, locale),
                providerHeaders.headers(organisationId, null, false), sender);
    }

    MailMessage verificationCode(UUID organisationId, UUID invitationId, String organisationName, String campaignName,
                                 String email, String code, Instant expiresAt, Instant now, ZoneId zone) {
        return verificationCode(organisationId, invitationId, organisationName, campaignName, email, code, expiresAt,
                now, zone, CampaignSender.NONE, Locale.ENGLISH);
    }

    MailMessage verificationCode(UUID organisationId, UUID invitationId, String organisationName, String campaignName,
                                 String email, String code, Instant expiresAt, Instant now, ZoneId zone,
                                 CampaignSender sender, Locale locale) {
        Map<String, Object> model = base(organisationName, locale);
        contact(model, sender);
        model.put("campaignName", campaignName);
        model.put("code", code);
        String until = LocalTimes.moment(expiresAt, zone, locale);
        model.put("expiresAt", until);
        long minutes = Math.max(1, Math.round(Duration.between(now, expiresAt).getSeconds() / 60.0));
        model.put("validMinutes", minutes);
        model.put("validity", TEXTS.get(locale, "mail.code.validity", minutes, until));
        model.put("preheader", TEXTS.get(locale, "mail.code.preheader", minutes));
        return message("verification-code", email, null,
                templates.render(MailTemplates.Kind.VERIFICATION_CODE, model, locale),
                providerHeaders.headers(organisationId, invitationId, false), sender);
    }

    MailMessage signInLink(String email, URI link, Instant expiresAt) {
        Map<String, Object> model = base("Workshop Referral Tool");
        model.put("link", link.toString());
        model.put("buttonLabel", "Sign in");
        model.put("expiresAt", LocalTimes.moment(expiresAt, defaultZone));
        model.put("preheader", "The link works once and expires at " + LocalTimes.moment(expiresAt, defaultZone)
                + ".");
        return message("sign-in-link", email, null, templates.render(MailTemplates.Kind.SIGN_IN_LINK, model),
                providerHeaders.headers(null, null, false));
    }

    MailMessage retentionWarning(UUID organisationId, String organisationName, String campaignName, String email,
                                 Instant erasedOn, ZoneId zone, String exportPath) {
        Map<String, Object> model = base(organisationName);
        model.put("campaignName", campaignName);
        model.put("erasedOn", LocalTimes.moment(erasedOn, zone));
        model.put("erasedOnShort", LocalTimes.dayMonth(erasedOn, zone));
        model.put("link", absolute(exportPath).toString());
        model.put("buttonLabel", "Open the campaign");
        model.put("preheader", "Export what you still need before " + LocalTimes.moment(erasedOn, zone) + ".");
        return message("retention-warning", email, null, templates.render(MailTemplates.Kind.RETENTION_WARNING, model),
                providerHeaders.headers(organisationId, null, false));
    }

    /** A nominator's own list, mailed on their request to their verified address. */
    MailMessage nominationCopy(UUID organisationId, String organisationName, String campaignName, String email,
                               List<Map<String, String>> people, Instant savedAt, Instant deadline,
                               ZoneId zone, CampaignSender sender, Locale locale) {
        Map<String, Object> model = base(organisationName, locale);
        model.put("campaignName", campaignName);
        model.put("people", people);
        model.put("savedAt", LocalTimes.moment(savedAt, zone, locale));
        model.put("deadline", LocalTimes.moment(deadline, zone, locale));
        model.put("preheader", TEXTS.get(locale, "mail.copy.preheader", people.size()));
        contact(model, sender);
        return message("nomination-copy", email, null,
                templates.render(MailTemplates.Kind.NOMINATION_COPY, model, locale),
                providerHeaders.headers(organisationId, null, false), sender);
    }

    private Map<String, Object> base(String organisationName) {
        return base(organisationName, Locale.ENGLISH);
    }

    private Map<String, Object> base(String organisationName, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisationName", organisationName);
        model.put("footer", TEXTS.get(locale, "mail.footer"));
        return model;
    }

    private MailMessage message(String kind, String to, String toName, MailTemplates.Rendered rendered,
                                Map<String, String> headers) {
        return message(kind, to, toName, rendered, headers, CampaignSender.NONE);
    }

    private MailMessage message(String kind, String to, String toName, MailTemplates.Rendered rendered,
                                Map<String, String> headers, CampaignSender sender) {
        return new MailMessage(kind, "<" + UUID.randomUUID() + "@wrt.mail>", to, toName, rendered.subject(),
                rendered.text(), rendered.html(), headers, Instant.now(), sender);
    }

    /** "Questions? Write to …": the campaign's contact person, in every nominator mail that has one. */
    private static void contact(Map<String, Object> model, CampaignSender sender) {
        if (sender != null && sender.hasContact()) {
            model.put("contact", Map.of("label", sender.contactLabel(), "email", sender.contactEmail()));
        }
    }

    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        if (text != null) {
            for (String paragraph : text.strip().split("\\R\\s*\\R")) {
                if (!paragraph.isBlank()) {
                    paragraphs.add(paragraph.strip());
                }
            }
        }
        return paragraphs;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
