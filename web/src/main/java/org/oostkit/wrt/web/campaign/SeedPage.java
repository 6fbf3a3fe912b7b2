package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;

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
             @Value("${wrt.seeds.max-rows:" + AddSeedPeople.MAX_ROWS + "}") int maxRows) {
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
        RosterView roster = pages.query(new FindRoster(organisation.organisationId(), campaign.campaignId()),
                RosterView.class);
        List<SeedRow> seeds = roster == null ? List.of() : roster.people().stream()
                .filter(person -> "SEED".equals(person.source()))
                .map(person -> new SeedRow(person.personId().toString(), AdminPages.text(person.name()),
                        AdminPages.text(person.email()), person.contactedRound() != null,
                        person.contactedRound() == null ? "" : person.contactedRound().toString(),
                        person.contactedRound() == null && !campaign.completed()))
                .toList();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.seed", campaign.name()), organisation,
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new Page(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(), null,
                        AdminLanguage.text("tab.seed")),
                AdminPages.tabs(slug, campaign, "seed"), base, campaign.name(), !campaign.completed(), seeds,
                seeds.size(), !seeds.isEmpty(), new AddForm(name, email, new LinkedHashMap<>(errors)), error,
                human(maxSize), String.format(AdminLanguage.locale(), "%,d", maxRows))));
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


    /** The seed group page ({@code campaign/seed}). */
    record Page(List<AdminPages.Crumb> crumbs, List<AdminPages.NavItem> tabs, String base, String campaignName,
                boolean editable, List<SeedRow> seeds, int seedCount, boolean hasSeeds, AddForm add, String error,
                String maxSize, String maxRows) {
    }

    /** A seed person; {@code removable} until they are asked or the campaign is completed. */
    record SeedRow(String personId, String name, String email, boolean asked, String askedRound, boolean removable) {
    }

    /** The add-one-person form as typed, with each field's message. */
    record AddForm(String name, String email, Map<String, String> errors) {
    }
}
