package org.oostkit.wrt.query.person;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.PersonQueries.FindPersonStory;
import org.oostkit.wrt.query.api.PersonStoryView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's story from the read model, before and after their erasure. */
class PersonStoryIntegrationTest extends ReadSideTestSupport {

    @Test
    @DisplayName("who named Erin and why, whom she named, when she was asked and answered, her rank; erased, counts stay")
    void story() {
        ScriptedCampaign script = scriptedCampaign("admin@person-story.test");
        PersonId erin = ask(new FindRoster(script.organisation, script.campaign), RosterView.class).people().stream()
                .filter(p -> p.email().equals("erin@acme.test")).map(PersonView::personId).findFirst().orElseThrow();
        FindPersonStory query = new FindPersonStory(script.organisation, script.campaign, erin);

        PersonStoryView story = ask(query, PersonStoryView.class);
        assertThat(story.name()).isEqualTo("Erin");
        assertThat(story.erased()).isFalse();
        assertThat(story.nominations()).isEqualTo(3);
        assertThat(story.rank()).isEqualTo(1);
        assertThat(story.aboveThreshold()).isTrue();
        assertThat(story.namedBy()).extracting(ReasonView::nominatorName).containsExactly("Alice", "Bob", "Carol");
        assertThat(story.namedBy()).extracting(ReasonView::roundNumber).containsOnly(1);
        assertThat(story.namedBy()).extracting(ReasonView::reason).containsOnly("because Erin knows the site");
        assertThat(story.named()).extracting(ReasonView::nomineeName).containsExactly("Gina", "Hank");
        assertThat(story.contactedRound()).isEqualTo(2);
        assertThat(story.invitedAt()).isNotNull();
        assertThat(story.respondedAt()).isNotNull();
        assertThat(ask(new FindPersonStory(script.organisation, script.campaign, PersonId.random()),
                PersonStoryView.class)).isNull();

        wrt().send(new ErasePerson(script.campaign, script.organisation, "erin@acme.test"), script.admin);
        projections().awaitCaughtUp();
        PersonStoryView erased = ask(query, PersonStoryView.class);
        assertThat(erased.erased()).isTrue();
        assertThat(erased.name()).isEqualTo("[erased]");
        assertThat(erased.email()).isEqualTo("[erased]");
        assertThat(erased.nominations()).isEqualTo(3);
        assertThat(erased.rank()).isEqualTo(1);
        assertThat(erased.namedBy()).hasSize(3).extracting(ReasonView::reason).containsOnly("");
        assertThat(erased.named()).hasSize(2);
    }
}
