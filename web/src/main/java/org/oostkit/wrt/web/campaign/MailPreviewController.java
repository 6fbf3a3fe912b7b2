package org.oostkit.wrt.web.campaign;

import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Texts;
import org.oostkit.wrt.web.mail.CampaignSenders;
import org.oostkit.wrt.web.mail.MailNotSentException;
import org.oostkit.wrt.web.mail.MailPreviews;
import org.oostkit.wrt.web.mail.MailPreviews.Kind;
import org.oostkit.wrt.web.mail.MailPreviews.Preview;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The campaign's nominator mails as nominators will see them, "send me a test" to the signed-in admin, and the
 * preview form a test mail's button opens. Nothing here records anything.
 */
@Controller
class MailPreviewController {

    static final String PAGE = "campaign/mail-preview";
    static final String FORM = "campaign/preview-form";
    /** The mail's own HTML, framed by the preview page: inline styles as mail clients allow, nothing else. */
    static final String MAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

    private final AdminPages pages;
    private final MailPreviews previews;
    private final CampaignSenders senders;

    MailPreviewController(AdminPages pages, MailPreviews previews, CampaignSenders senders) {
        this.pages = pages;
        this.previews = previews;
        this.senders = senders;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/mail-preview")
    String page(CampaignScope scope, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        UUID id = scope.campaignId().value();
        String base = scope.base();
        List<Map<String, Object>> mails = previews.all(organisation.organisationId().value(), id,
                deadline(campaign), base + "/mail-preview/form").stream().map(p -> mail(base, p)).toList();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.mailPreview", campaign.name()), organisation, authentication,
                "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(),
                base, campaign.name(), null, AdminLanguage.text("crumb.mailPreview")));
        model.addAttribute("base", base);
        model.addAttribute("mails", mails);
        model.addAttribute("sampleName", MailPreviews.SAMPLE_NAME);
        model.addAttribute("kinds", List.of(Kind.values()).stream()
                .map(k -> Map.of("value", k.slug(), "label", AdminLanguage.text("preview.kind." + k.slug()))).toList());
        if (authentication != null) {
            model.addAttribute("adminEmail", authentication.getName());
        }
        return PAGE;
    }

    @GetMapping(value = "/org/{slug}/campaigns/{id}/mail-preview/{kind}.html", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String html(CampaignScope scope, @PathVariable String kind, HttpServletResponse response) {
        Preview preview = previews.preview(scope.organisationId().value(), scope.campaignId().value(), kind(kind),
                deadline(scope.campaign()), scope.base() + "/mail-preview/form");
        // replaces the strict page policy written before the handler ran (one header, not two)
        response.setHeader("Content-Security-Policy", MAIL_CSP);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "no-referrer");
        return preview.html();
    }

    @PostMapping("/org/{slug}/campaigns/{id}/mail-preview/test")
    String sendTest(@AdminOnly CampaignScope scope, @RequestParam(defaultValue = "") String kind,
                    Authentication authentication, RedirectAttributes redirect) {
        Kind which = kind(kind);
        try {
            previews.sendTest(scope.organisationId().value(), scope.campaignId().value(), which,
                    deadline(scope.campaign()), scope.base() + "/mail-preview/form", authentication.getName());
            redirect.addFlashAttribute("flash", Map.of("kind", "ok", "message", AdminLanguage.text("flash.testSent",
                    AdminLanguage.text("preview.kind." + which.slug()), authentication.getName())));
        } catch (MailNotSentException e) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message", e.getMessage()));
        }
        return "redirect:" + scope.base() + "/mail-preview";
    }

    /** Where a test mail's button leads: the nominator's form, clearly labelled as a preview, with no action. */
    @GetMapping("/org/{slug}/campaigns/{id}/mail-preview/form")
    String previewForm(CampaignScope scope, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        UUID id = scope.campaignId().value();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.previewForm", campaign.name()), organisation, authentication, "campaign"));
        model.addAttribute("campaignName", campaign.name());
        String text = AdminPages.text(campaign.invitationText());
        if (!text.isBlank()) {
            model.addAttribute("invitationText", text);
        }
        // the form speaks the campaign's language, as nominators will see it; the preview's own words the admin's
        Locale nominators = Texts.locale(senders.language(id));
        model.addAttribute("t", Texts.bundled().html(nominators));
        model.addAttribute("lang", nominators.getLanguage());
        model.addAttribute("a", Texts.admin().html(AdminLanguage.locale()));
        model.addAttribute("adminLang", AdminLanguage.locale().getLanguage());
        Instant deadline = deadline(campaign);
        ZoneId zone = pages.zone(organisation, campaign);
        model.addAttribute("deadline", LocalTimes.moment(deadline, zone, nominators));
        model.addAttribute("deadlineIso", deadline.toString());
        model.addAttribute("deadlineZone", zone.getId());
        model.addAttribute("maxNominees", String.valueOf(NominationCommands.MAX_NOMINEES));
        model.addAttribute("back", scope.base() + "/mail-preview");
        CampaignSender sender = senders.of(id);
        if (sender.hasContact()) {
            model.addAttribute("campaignContact", Map.of("label", sender.contactLabel(), "email",
                    sender.contactEmail()));
        }
        model.addAttribute("rows", List.of(Map.of("number", 1), Map.of("number", 2), Map.of("number", 3)));
        return FORM;
    }

    private static Kind kind(String slug) {
        Kind kind = Kind.of(slug);
        if (kind == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mail");
        }
        return kind;
    }

    /** The deadline a round started now would be offered: what the mails will most likely say. */
    private static Instant deadline(CampaignView campaign) {
        return Instant.now().plus(Duration.ofDays(campaign.defaultRoundDays()));
    }

    private static Map<String, Object> mail(String base, Preview preview) {
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("kind", preview.kind().slug());
        mail.put("label", AdminLanguage.text("preview.kind." + preview.kind().slug()));
        mail.put("subject", preview.subject());
        mail.put("text", preview.text());
        mail.put("htmlHref", base + "/mail-preview/" + preview.kind().slug() + ".html");
        return mail;
    }
}
