package org.oostkit.wrt.web.campaign;

import com.samskivert.mustache.Mustache;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.oostkit.wrt.adapters.mail.MailNotSentException;
import org.oostkit.wrt.adapters.mail.MailPreviews;
import org.oostkit.wrt.adapters.mail.MailPreviews.Kind;
import org.oostkit.wrt.adapters.mail.MailPreviews.Preview;
import org.oostkit.wrt.web.i18n.AdminLanguage;
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
        List<MailView> mails = previews.all(organisation.organisationId().value(), id,
                deadline(campaign), base + "/mail-preview/form").stream().map(p -> MailView.of(base, p)).toList();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.mailPreview", campaign.name()), organisation,
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new PreviewPage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(), null,
                        AdminLanguage.text("crumb.mailPreview")),
                base, mails, MailPreviews.SAMPLE_NAME,
                List.of(Kind.values()).stream().map(k -> new KindOption(k.slug(),
                        AdminLanguage.text("preview.kind." + k.slug()))).toList(),
                authentication == null ? null : authentication.getName())));
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
        model.addAllAttributes(pages.page(AdminLanguage.text("title.previewForm", campaign.name()), organisation,
                authentication, "campaign"));
        String text = AdminPages.text(campaign.invitationText());
        CampaignSender sender = senders.of(id);
        // the form speaks the campaign's language, as nominators will see it; the preview's own words the admin's
        Locale nominators = Texts.locale(senders.language(id));
        Instant deadline = deadline(campaign);
        ZoneId zone = pages.zone(organisation, campaign);
        model.addAllAttributes(PageModel.attributes(new FormPreviewPage(campaign.name(), text.isBlank() ? null : text,
                LocalTimes.moment(deadline, zone, nominators), deadline.toString(), zone.getId(),
                String.valueOf(NominationCommands.MAX_NOMINEES), scope.base() + "/mail-preview",
                sender.hasContact() ? new Contact(sender.contactLabel(), sender.contactEmail()) : null,
                List.of(new Row(1), new Row(2), new Row(3)), Texts.bundled().html(nominators),
                nominators.getLanguage(), AdminLanguage.texts().html(AdminLanguage.locale()),
                AdminLanguage.locale().getLanguage())));
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

    /** The mail preview page ({@code campaign/mail-preview}); {@code adminEmail} receives the test mails. */
    record PreviewPage(List<AdminPages.Crumb> crumbs, String base, List<MailView> mails, String sampleName,
                       List<KindOption> kinds, String adminEmail) {
    }

    /** One mail as nominators would get it, with a link to its HTML. */
    record MailView(String kind, String label, String subject, String text, String htmlHref) {

        static MailView of(String base, Preview preview) {
            return new MailView(preview.kind().slug(), AdminLanguage.text("preview.kind." + preview.kind().slug()),
                    preview.subject(), preview.text(), base + "/mail-preview/" + preview.kind().slug() + ".html");
        }
    }

    record KindOption(String value, String label) {
    }

    /**
     * The nominator's form as a test mail's button shows it: labelled as a preview, three empty rows, no action; in
     * the campaign's language ({@code t}) with the admin's notes in theirs ({@code a}).
     */
    record FormPreviewPage(String campaignName, String invitationText, String deadline, String deadlineIso,
                           String deadlineZone, String maxNominees, String back, Contact campaignContact,
                           List<Row> rows, Mustache.Lambda t, String lang, Mustache.Lambda a, String adminLang) {
    }

    /** An empty row of the form. */
    record Row(int number) {
    }

    /** Whom nominators can write to about the campaign. */
    record Contact(String label, String email) {
    }
}
