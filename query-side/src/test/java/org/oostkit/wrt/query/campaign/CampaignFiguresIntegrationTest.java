package org.oostkit.wrt.query.campaign;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.projection.ReadModelRules;
import org.oostkit.wrt.query.sink.MemoryTables;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranked list and the statistics from rows in memory ({@link MemoryAnswers}) equal the SQL answers. */
class CampaignFiguresIntegrationTest extends ReadSideTestSupport {

    @Test
    @DisplayName("ranking (ties and pages) and statistics: the same from memory as from PostgreSQL")
    void memoryEqualsSql() {
        ScriptedCampaign script = scriptedCampaign("admin@figures.test");
        MemoryTables tables = new MemoryTables();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (script.organisation.toString().equals(event.getMetaData().get(Actor.TENANT_KEY))) {
                    ReadModelRules.apply(event.getPayload(), event.getTimestamp(), tables);
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }

        for (int[] page : new int[][]{{0, 100}, {1, 3}, {4, 2}}) {
            ConvergenceView sql = ask(new FindConvergence(script.organisation, script.campaign, CandidateFilter.ALL,
                    page[0], page[1]), ConvergenceView.class);
            assertThat(sql.candidates()).as("page %d+%d", page[0], page[1]).isNotEmpty();
            assertThat(MemoryAnswers.convergence(tables, script.campaign.value(), page[0], page[1]))
                    .as("page %d+%d", page[0], page[1]).isEqualTo(sql);
        }
        StatisticsView statistics = ask(new FindStatistics(script.organisation, script.campaign), StatisticsView.class);
        assertThat(statistics.distinctNominees()).isEqualTo(5);
        assertThat(MemoryAnswers.statistics(tables, script.campaign.value())).isEqualTo(statistics);
    }
}
