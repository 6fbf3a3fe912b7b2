package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.FormErrors;
import jakarta.validation.Valid;
import org.oostkit.wrt.web.i18n.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignLanguage;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignLanguage;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who a campaign's mail comes from: sender name, Reply-To and the contact person nominators can write to. */
@Controller
class CampaignSenderController {

    static final String PAGE = "campaign/sender";

    private final AdminPages pages;
    private final CampaignSenders senders;

    CampaignSenderController(AdminPages pages, CampaignSenders senders) {
        this.pages = pages;
        this.senders = senders;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/sender")
    String show(@AdminOnly CampaignScope scope, Authentication authentication, Model model) {
        return page(scope.organisation(), scope.campaign(), senders.of(scope.campaignId().value()), Map.of(),
                authentication, model);
    }

    @InitBinder("senderForm")
    void senderRules(WebDataBinder binder) {
        binder.addValidators(new SenderForm.Rules());
    }

    @PostMapping("/org/{slug}/campaigns/{id}/sender")
    String save(@AdminOnly CampaignScope scope, @Valid @ModelAttribute("senderForm") SenderForm form,
                BindingResult binding, Authentication authentication, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        UUID id = scope.campaignId().value();
        CampaignSender typed = form.typed();
        Map<String, String> errors = FormErrors.of(binding);
        if (errors.isEmpty()) {
            try {
                pages.send(new ChangeCampaignSender(campaign.campaignId(), organisation.organisationId(), typed),
                        authentication);
            } catch (RuleViolation refused) {
                errors = Map.of(field(refused.violated()), Refusals.text(refused));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(organisation, campaign, typed, errors, authentication, model);
        }
        CampaignController.flash(redirect, shown(id, typed), AdminLanguage.text("flash.senderSaved"));
        return "redirect:" + scope.base() + "/sender";
    }

    /** The language nominators are addressed in; anything but en, nl, de or fr is refused by the campaign. */
    @PostMapping("/org/{slug}/campaigns/{id}/language")
    String language(@AdminOnly CampaignScope scope, @RequestParam(defaultValue = "") String language,
                    Authentication authentication, RedirectAttributes redirect) {
        try {
            pages.send(new ChangeCampaignLanguage(scope.campaignId(), scope.organisation().organisationId(),
                    language), authentication);
            CampaignController.flash(redirect, language.equals(senders.language(scope.campaignId().value())),
                    AdminLanguage.text("flash.languageSaved"));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message", Refusals.text(refused)));
        }
        return "redirect:" + scope.base() + "/sender";
    }

    private static String field(Rule rule) {
        return switch (rule) {
            case SENDER_NAME_INVALID -> "senderName";
            case REPLY_TO_INVALID -> "replyTo";
            case CONTACT_NAME_INVALID -> "contactName";
            default -> "contactEmail";
        };
    }

    /** Waits briefly until the mail policy has the new sender, which the page reads back. */
    private boolean shown(UUID id, CampaignSender typed) {
        return ReadModelWait.until(() -> senders.of(id),
                now -> now.senderName().equals(CampaignSender.SENDER_NAME.clean(typed.senderName()))
                        && now.contactEmail().equals(Emails.normalise(typed.contactEmail()).strip()),
                AdminPages.CATCH_UP).isPresent();
    }

    private String page(OrganisationView organisation, CampaignView campaign, CampaignSender sender,
                        Map<String, String> errors, Authentication authentication, Model model) {
        String slug = organisation.slug();
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.sender", campaign.name()), organisation, authentication,
                "campaign"));
        String language = senders.language(campaign.campaignId().value());
        model.addAllAttributes(PageModel.attributes(new SenderPage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(), null,
                        AdminLanguage.text("crumb.sender")),
                base + "/sender", base, sender, errors, !errors.isEmpty(), errors.values(), !campaign.completed(),
                base + "/language", CampaignLanguage.SUPPORTED.stream().map(code -> new LanguageOption(code,
                        AdminLanguage.text("campaignLanguage." + code), code.equals(language))).toList())));
        return PAGE;
    }

    /** The sender and contact form ({@code campaign/sender}) with the nominators' language. */
    record SenderPage(List<AdminPages.Crumb> crumbs, String action, String base, CampaignSender sender,
                      Map<String, String> errors, boolean hasErrors, Collection<String> errorSummary, boolean editable,
                      String languageAction, List<LanguageOption> languageOptions) {
    }

    record LanguageOption(String code, String label, boolean selected) {
    }
}
