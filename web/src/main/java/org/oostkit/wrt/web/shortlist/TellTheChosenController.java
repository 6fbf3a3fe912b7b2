package org.oostkit.wrt.web.shortlist;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.campaign.CampaignCommands.TellTheChosen;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.oostkit.wrt.adapters.mail.SelectionMails;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Tell the chosen" (admins): a confirmation with how many people will get the "you have been selected" mail
 * and a preview of it, then one command that asks for one mail per shortlisted person not told yet.
 */
@Controller
class TellTheChosenController {

    private final AdminPages pages;
    private final SelectionMails mails;
    private final CampaignSenders senders;

    TellTheChosenController(AdminPages pages, SelectionMails mails, CampaignSenders senders) {
        this.pages = pages;
        this.mails = mails;
        this.senders = senders;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/shortlist/tell")
    String confirm(@AdminOnly CampaignScope scope, @RequestParam(defaultValue = "") String message,
                   Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String base = scope.base();
        ShortlistView shortlist = pages.query(new FindShortlist(organisation.organisationId(), campaign.campaignId()),
                ShortlistView.class);
        Set<PersonId> asked = shortlist.asked();
        List<ShortlistView.Entry> toTell = ShortlistModel.toTell(shortlist);
        String problem = Refusals.problem(TextRule.SELECTION_MESSAGE, message);
        String shown = problem == null ? TextRule.SELECTION_MESSAGE.clean(message) : "";
        String previewName = toTell.isEmpty() ? "Alex Example" : AdminPages.text(toTell.get(0).name());
        SelectionMails.Preview preview = mails.preview(organisation.name(), campaign.name(), previewName, shown,
                senders.of(campaign.campaignId().value()), senders.language(campaign.campaignId().value()));
        model.addAllAttributes(pages.page(AdminLanguage.text("title.tell", campaign.name()), organisation,
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new TellPage(
                AdminPages.crumbs("/org/" + scope.slug() + "/manage", organisation.name(), base, campaign.name(),
                        base + "/shortlist", AdminLanguage.text("crumb.shortlist"), null,
                        AdminLanguage.text("shortlist.tell")),
                AdminPages.tabs(scope.slug(), campaign, "results"), base, campaign.name(), toTell.size(),
                toTell.size() == 1, !toTell.isEmpty(), asked.size(), !asked.isEmpty(),
                String.join("; ", toTell.stream().map(e -> AdminPages.text(e.name())).toList()), message,
                problem, previewName, preview.subject(), preview.text(),
                preview.html())));
        return "shortlist/tell";
    }

    @PostMapping("/org/{slug}/campaigns/{id}/shortlist/tell")
    String tell(@AdminOnly CampaignScope scope, @RequestParam(defaultValue = "") String message,
                Authentication authentication, RedirectAttributes redirect) {
        String problem = Refusals.problem(TextRule.SELECTION_MESSAGE, message);
        if (problem != null) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message",
                    AdminLanguage.text("flash.nobodyMailed", problem)));
            return "redirect:" + scope.base() + "/shortlist/tell";
        }
        try {
            int people = pages.send(new TellTheChosen(scope.campaignId(), scope.organisationId(), message),
                    authentication);
            redirect.addFlashAttribute("flash", Map.of("kind", "ok", "message",
                    AdminLanguage.text("flash.told", people)));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message", Refusals.text(refused)));
        }
        return "redirect:" + scope.base() + "/shortlist";
    }

    /** The confirmation before the selection mail goes out ({@code shortlist/tell}), with a preview of it. */
    record TellPage(List<AdminPages.Crumb> crumbs, List<AdminPages.NavItem> tabs, String base, String campaignName,
                    int count, boolean onePerson, boolean hasPeople, int alreadyTold, boolean anyAlreadyTold,
                    String names, String selectionMessage, String messageProblem, String previewName,
                    String previewSubject, String previewText, String previewHtml) {
    }
}
