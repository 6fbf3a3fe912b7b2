package org.oostkit.wrt.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.query.api.AsOfQueries.FindStatisticsAsOf;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.rebuild.ReadModelRebuild;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "I have no one to suggest" is a real answer: the live read model, the as-of replay and the bulk rebuild all
 * count it as a response, with nobody named.
 */
class NoOneToSuggestIntegrationTest extends ReadSideTestSupport {

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    TenantDirectory tenants;

    @Test
    @DisplayName("the explicit \"no one\" counts in the response rate everywhere, naming nobody")
    void countsAsResponse() {
        ScriptedCampaign script = scriptedCampaign("admin@no-one.test");
        RoundView before = ask(new FindRound(script.organisation, script.campaign, 2), RoundView.class);
        StatisticsView statisticsBefore = ask(new FindStatistics(script.organisation, script.campaign),
                StatisticsView.class);

        ContactInvited gina = script.invited(script.round2).get("Gina");
        script.noOneToSuggest(gina, "gina@acme.test");
        projections().awaitCaughtUp();

        RoundView after = ask(new FindRound(script.organisation, script.campaign, 2), RoundView.class);
        assertThat(after.responded()).isEqualTo(before.responded() + 1);
        StatisticsView statistics = ask(new FindStatistics(script.organisation, script.campaign),
                StatisticsView.class);
        assertThat(statistics.responded()).isEqualTo(statisticsBefore.responded() + 1);
        assertThat(statistics.nominations()).isEqualTo(statisticsBefore.nominations());
        List<ContactView> responded = queries.query(new FindContacts(script.organisation, script.campaign, 2,
                "RESPONDED"), ResponseTypes.multipleInstancesOf(ContactView.class)).join();
        assertThat(responded).extracting(ContactView::name).contains("Gina");

        // the in-memory replay (as of now) and the bulk rebuild apply the same rule
        assertThat(ask(new FindStatisticsAsOf(script.organisation, script.campaign, Instant.now()),
                StatisticsView.class)).isEqualTo(statistics);
        Map<String, String> live = checksums(tenants.allSchemas());
        rebuild.rebuild(null, events -> { });
        assertThat(checksums(tenants.allSchemas())).isEqualTo(live);
    }

    @Test
    @DisplayName("an empty list stored before the explicit answer existed is no response, live, as of now and rebuilt")
    void oldEmptyListIsNoResponse() {
        ScriptedCampaign script = scriptedCampaign("admin@old-empty.test");
        RoundView before = ask(new FindRound(script.organisation, script.campaign, 2), RoundView.class);
        StatisticsView statisticsBefore = ask(new FindStatistics(script.organisation, script.campaign),
                StatisticsView.class);

        // what an accidental empty save recorded until now (as the aggregate no longer does)
        ContactInvited gina = script.invited(script.round2).get("Gina");
        NominationId nomination = NominationId.forInvitation(gina.invitationId());
        eventStore.publish(new GenericDomainEventMessage<>("Nomination", nomination.toString(), 0,
                new GenericMessage<>(new NominationSubmitted(script.organisation, script.campaign, script.round2, 2,
                        nomination, gina.invitationId(), gina.personId(), List.of()),
                        MetaData.with(Actor.TENANT_KEY, script.organisation.toString())
                                .and(Actor.METADATA_KEY, "nominator:" + gina.invitationId())), Instant.now()));
        projections().awaitCaughtUp();

        assertThat(ask(new FindRound(script.organisation, script.campaign, 2), RoundView.class).responded())
                .isEqualTo(before.responded());
        StatisticsView statistics = ask(new FindStatistics(script.organisation, script.campaign),
                StatisticsView.class);
        assertThat(statistics.responded()).isEqualTo(statisticsBefore.responded());
        assertThat(ask(new FindStatisticsAsOf(script.organisation, script.campaign, Instant.now()),
                StatisticsView.class)).isEqualTo(statistics);
        Map<String, String> live = checksums(tenants.allSchemas());
        rebuild.rebuild(null, events -> { });
        assertThat(checksums(tenants.allSchemas())).isEqualTo(live);
    }
}
