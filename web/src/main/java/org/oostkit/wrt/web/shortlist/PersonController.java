package org.oostkit.wrt.web.shortlist;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.InsightQueries.FindNetworkInsight;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.PersonQueries.FindPersonStory;
import org.oostkit.wrt.query.api.PersonStoryView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's story, for admins and auditors: who named them and why, whom they named, whether and when they
 * were asked and answered, their place in the ranking, their group and their shortlist state.
 */
@Controller
class PersonController {

    private final AdminPages pages;

    PersonController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/people/{person}")
    String person(CampaignScope scope, @PathVariable UUID person, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        ZoneId zone = pages.zone(organisation, campaign);
        PersonId personId = new PersonId(person);
        PersonStoryView story = pages.query(new FindPersonStory(organisation.organisationId(), campaign.campaignId(),
                personId), PersonStoryView.class);
        if (story == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This campaign has no such person");
        }
        ShortlistView shortlist = pages.query(new FindShortlist(organisation.organisationId(), campaign.campaignId()),
                ShortlistView.class);
        NetworkInsightView insight = pages.query(new FindNetworkInsight(organisation.organisationId(),
                campaign.campaignId()), NetworkInsightView.class);
        String base = scope.base();
        String name = story.erased() ? AdminLanguage.text("person.erasedName") : AdminPages.text(story.name());

        Integer group = insight == null ? null : insight.group(personId);
        ShortlistView.Entry chosen = shortlist == null ? null : shortlist.entries().stream()
                .filter(e -> e.personId().equals(personId)).findFirst().orElse(null);
        boolean closed = shortlist != null && shortlist.closed();
        String told = chosen == null ? "" : ShortlistModel.told(shortlist.mail(personId).orElse(null), zone);

        model.addAllAttributes(pages.page(name + " · " + campaign.name(), organisation, authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new PersonPage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(),
                        base + "/results", AdminLanguage.text("tab.results"), null, name),
                AdminPages.tabs(slug, campaign, "results"), base, person.toString(), name,
                story.erased() ? "" : AdminPages.text(story.email()), story.erased(),
                "SEED".equals(story.source()) ? AdminLanguage.text("rounds.why.seed")
                        : story.enteredRound() == null ? AdminLanguage.text("person.nominated")
                        : AdminLanguage.text("person.nominatedIn", story.enteredRound()),
                story.inRoster(), story.nominations(), story.rank() == null ? "—" : story.rank().toString(),
                story.ranked(), story.threshold(), story.aboveThreshold(),
                group == null ? AdminLanguage.text("person.noGroup") : AdminLanguage.text("person.group", group),
                insight != null && insight.bridges().stream().anyMatch(b -> b.personId().equals(personId)),
                story.contactedRound() == null ? AdminLanguage.text("person.notAsked")
                        : AdminLanguage.text("person.askedIn", story.contactedRound()) + (story.invitedAt() == null
                        ? "" : " (" + LocalTimes.shortMoment(story.invitedAt(), zone, AdminLanguage.locale()) + ")"),
                story.contactedRound() == null ? "—" : story.respondedAt() == null
                        ? AdminLanguage.text("person.noAnswer") : AdminLanguage.text("person.answeredAt",
                        LocalTimes.shortMoment(story.respondedAt(), zone, AdminLanguage.locale())),
                reasons(story.namedBy(), true, base), !story.namedBy().isEmpty(),
                reasons(story.named(), false, base), !story.named().isEmpty(),
                chosen != null,
                chosen == null ? null : LocalTimes.shortMoment(chosen.chosenAt(), zone, AdminLanguage.locale()),
                chosen == null ? null : ShortlistModel.actor(chosen.chosenBy()),
                chosen == null ? null : chosen.note(),
                // the page never shows "[erased]": it says what went instead
                chosen == null ? null : !story.erased() && !chosen.note().isEmpty(),
                chosen != null && story.erased(), told, !told.isEmpty(),
                closed, !closed && chosen == null && story.inRoster() && !story.erased(), !closed && chosen != null)));
        return "shortlist/person";
    }

    private static List<Reason> reasons(List<ReasonView> reasons, boolean byNominator, String base) {
        return reasons.stream().map(r -> new Reason(
                AdminPages.text(byNominator ? r.nominatorName() : r.nomineeName()),
                base + "/people/" + (byNominator ? r.nominatorId() : r.nomineeId()), r.roundNumber(), r.hasReason(),
                r.hasReason() ? r.reason().strip() : "")).toList();
    }

    /**
     * A person's story in the campaign ({@code shortlist/person}); the choice's details are null (left out) while
     * the person is not on the shortlist.
     */
    record PersonPage(List<AdminPages.Crumb> crumbs, List<AdminPages.NavItem> tabs, String base, String personId,
                      String name, String email, boolean erased, String source, boolean inRoster, int nominations,
                      String rank, int ranked, int threshold, boolean above, String group, boolean bridge,
                      String asked, String answered, List<Reason> namedBy, boolean hasNamedBy, List<Reason> named,
                      boolean hasNamed, boolean chosen, String chosenAt, String chosenBy, String note, Boolean hasNote,
                      boolean noteErased, String told, boolean hasTold, boolean shortlistClosed, boolean canChoose, boolean canRemove) {
    }

    /** Who named this person (or whom they named), in which round and why. */
    record Reason(String name, String href, int round, boolean hasReason, String reason) {
    }
}
