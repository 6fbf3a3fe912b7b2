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
import org.oostkit.wrt.web.mail.SelectionMails;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.ZoneId;
import java.util.LinkedHashMap;
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
    private final SelectionMails selectionMails;

    PersonController(AdminPages pages, SelectionMails selectionMails) {
        this.pages = pages;
        this.selectionMails = selectionMails;
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

        model.addAllAttributes(pages.page(name + " · " + campaign.name(), organisation, authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), base + "/results", AdminLanguage.text("tab.results"), null, name));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "results"));
        model.addAttribute("base", base);
        model.addAttribute("personId", person.toString());
        model.addAttribute("name", name);
        model.addAttribute("email", story.erased() ? "" : AdminPages.text(story.email()));
        model.addAttribute("erased", story.erased());
        model.addAttribute("source", "SEED".equals(story.source()) ? AdminLanguage.text("rounds.why.seed")
                : story.enteredRound() == null ? AdminLanguage.text("person.nominated")
                : AdminLanguage.text("person.nominatedIn", story.enteredRound()));
        model.addAttribute("inRoster", story.inRoster());
        model.addAttribute("nominations", story.nominations());
        model.addAttribute("rank", story.rank() == null ? "—" : story.rank().toString());
        model.addAttribute("ranked", story.ranked());
        model.addAttribute("threshold", story.threshold());
        model.addAttribute("above", story.aboveThreshold());
        Integer group = insight == null ? null : insight.group(personId);
        model.addAttribute("group", group == null ? AdminLanguage.text("person.noGroup")
                : AdminLanguage.text("person.group", group));
        model.addAttribute("bridge", insight != null && insight.bridges().stream()
                .anyMatch(b -> b.personId().equals(personId)));
        model.addAttribute("asked", story.contactedRound() == null ? AdminLanguage.text("person.notAsked")
                : AdminLanguage.text("person.askedIn", story.contactedRound()) + (story.invitedAt() == null ? ""
                : " (" + LocalTimes.shortMoment(story.invitedAt(), zone, AdminLanguage.locale()) + ")"));
        model.addAttribute("answered", story.contactedRound() == null ? "—" : story.respondedAt() == null
                ? AdminLanguage.text("person.noAnswer")
                : AdminLanguage.text("person.answeredAt",
                LocalTimes.shortMoment(story.respondedAt(), zone, AdminLanguage.locale())));
        model.addAttribute("namedBy", reasons(story.namedBy(), true, base));
        model.addAttribute("hasNamedBy", !story.namedBy().isEmpty());
        model.addAttribute("named", reasons(story.named(), false, base));
        model.addAttribute("hasNamed", !story.named().isEmpty());

        ShortlistView.Entry chosen = shortlist == null ? null : shortlist.entries().stream()
                .filter(e -> e.personId().equals(personId)).findFirst().orElse(null);
        model.addAttribute("chosen", chosen != null);
        if (chosen != null) {
            model.addAttribute("chosenAt", LocalTimes.shortMoment(chosen.chosenAt(), zone, AdminLanguage.locale()));
            model.addAttribute("chosenBy", ShortlistModel.actor(chosen.chosenBy()));
            model.addAttribute("note", chosen.note());
            model.addAttribute("hasNote", !chosen.note().isEmpty());
            model.addAttribute("told", ShortlistModel.told(selectionMails.statuses(campaign.campaignId())
                    .get(person), zone));
        }
        boolean closed = shortlist != null && shortlist.closed();
        model.addAttribute("shortlistClosed", closed);
        model.addAttribute("canChoose", !closed && chosen == null && story.inRoster() && !story.erased());
        model.addAttribute("canRemove", !closed && chosen != null);
        return "shortlist/person";
    }

    private static List<Map<String, Object>> reasons(List<ReasonView> reasons, boolean byNominator, String base) {
        return reasons.stream().map(r -> {
            Map<String, Object> item = new LinkedHashMap<>();
            PersonId other = byNominator ? r.nominatorId() : r.nomineeId();
            item.put("name", AdminPages.text(byNominator ? r.nominatorName() : r.nomineeName()));
            item.put("href", base + "/people/" + other);
            item.put("round", r.roundNumber());
            item.put("hasReason", r.hasReason());
            item.put("reason", r.hasReason() ? r.reason().strip() : "");
            return item;
        }).toList();
    }
}
