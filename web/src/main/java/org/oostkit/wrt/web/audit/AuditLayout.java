package org.oostkit.wrt.web.audit;

import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

import java.util.List;

/** The frame of the audit pages, whose navigation (with "results as of") differs from the admin pages' tabs. */
final class AuditLayout {

    private AuditLayout() {
    }

    /** The audit layout's frame: title, the campaign's navigation (this page current), who is signed in. */
    record Layout(String title, String signedInAs, AdminPages.Nav nav, OrganisationView organisation,
                  CampaignView campaign, String base) {
    }

    static void layout(Model model, CampaignScope scope, String title, String current, Authentication authentication) {
        String base = scope.base();
        model.addAllAttributes(PageModel.attributes(new Layout(title, authentication.getName(),
                new AdminPages.Nav(List.of(
                        item(base, AdminLanguage.text("audit.nav.campaign"), current),
                        item(base + "/results", AdminLanguage.text("tab.results"), current),
                        item(base + "/results/as-of", AdminLanguage.text("audit.nav.asOf"), current),
                        item(base + "/audit", AdminLanguage.text("tab.audit"), current))),
                scope.organisation(), scope.campaign(), base)));
    }

    private static AdminPages.NavItem item(String href, String label, String current) {
        return new AdminPages.NavItem(href, label, href.equals(current));
    }
}
