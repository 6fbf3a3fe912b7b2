package org.oostkit.wrt.web.audit;

import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

import java.util.List;
import java.util.Map;

/** The frame of the audit pages, whose navigation (with "results as of") differs from the admin pages' tabs. */
final class AuditLayout {

    private AuditLayout() {
    }

    /** The layout's model: title, the campaign's navigation (this page current), who is signed in. */
    static void layout(Model model, CampaignScope scope, String title, String current, Authentication authentication) {
        String base = scope.base();
        model.addAttribute("title", title);
        model.addAttribute("signedInAs", authentication.getName());
        model.addAttribute("nav", Map.of("items", List.of(
                item(base, "Campaign", current),
                item(base + "/results", "Results", current),
                item(base + "/results/as-of", "Results as of", current),
                item(base + "/audit", "Audit trail", current))));
        model.addAttribute("organisation", scope.organisation());
        model.addAttribute("campaign", scope.campaign());
        model.addAttribute("base", base);
    }

    private static Map<String, Object> item(String href, String label, String current) {
        return Map.of("href", href, "label", label, "current", href.equals(current));
    }
}
