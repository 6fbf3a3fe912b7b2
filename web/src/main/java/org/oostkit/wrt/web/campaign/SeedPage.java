package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed group page, shown by the seed list and again, with its error, by a refused add or upload. */
@Component
class SeedPage {

    static final String VIEW = "campaign/seed";

    private final AdminPages pages;
    private final DataSize maxSize;
    private final int maxRows;

    SeedPage(AdminPages pages, @Value("${wrt.seeds.max-upload-size:2MB}") DataSize maxSize,
             @Value("${wrt.seeds.max-rows:10000}") int maxRows) {
        this.pages = pages;
        this.maxSize = maxSize;
        this.maxRows = maxRows;
    }

    DataSize maxSize() {
        return maxSize;
    }

    int maxRows() {
        return maxRows;
    }

    String render(CampaignScope scope, String name, String email,
                            Map<String, String> errors, String error, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        String base = scope.base();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.seed", campaign.name()), organisation, authentication,
                "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), null, AdminLanguage.text("tab.seed")));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "seed"));
        model.addAttribute("base", base);
        model.addAttribute("campaignName", campaign.name());
        model.addAttribute("editable", !campaign.completed());
        RosterView roster = pages.query(new FindRoster(organisation.organisationId(), campaign.campaignId()),
                RosterView.class);
        List<Map<String, Object>> seeds = new ArrayList<>();
        if (roster != null) {
            for (PersonView person : roster.people()) {
                if ("SEED".equals(person.source())) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("personId", person.personId().toString());
                    row.put("name", AdminPages.text(person.name()));
                    row.put("email", AdminPages.text(person.email()));
                    row.put("asked", person.contactedRound() != null);
                    row.put("askedRound", person.contactedRound() == null ? "" : person.contactedRound().toString());
                    row.put("removable", person.contactedRound() == null && !campaign.completed());
                    seeds.add(row);
                }
            }
        }
        model.addAttribute("seeds", seeds);
        model.addAttribute("seedCount", seeds.size());
        model.addAttribute("hasSeeds", !seeds.isEmpty());
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("name", name);
        add.put("email", email);
        add.put("errors", new LinkedHashMap<>(errors));
        model.addAttribute("add", add);
        if (error != null) {
            model.addAttribute("error", error);
        }
        model.addAttribute("maxSize", human(maxSize));
        model.addAttribute("maxRows", String.format(AdminLanguage.locale(), "%,d", maxRows));
        return VIEW;
    }

    /** The message for a file over the limit (also used when the servlet container refuses it). */
    static String tooLarge(DataSize maxSize, int maxRows) {
        return AdminLanguage.text("seed.error.tooLarge", human(maxSize),
                String.format(AdminLanguage.locale(), "%,d", maxRows));
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

}
