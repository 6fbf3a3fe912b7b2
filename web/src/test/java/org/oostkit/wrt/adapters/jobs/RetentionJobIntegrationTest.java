package org.oostkit.wrt.adapters.jobs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.RetentionWarning;
import org.oostkit.wrt.api.campaign.RetentionWarningSent;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.web.support.PlaintextScan;
import org.oostkit.wrt.web.support.Scenario;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The retention job with a clock the test moves: 30 and 7 days ahead the admins are warned (once per kind,
 * however often the job runs), at the end of the period the campaign is erased; a campaign still within
 * its period or not completed is left alone. The job is registered with db-scheduler.
 */
class RetentionJobIntegrationTest extends WebIntegrationTestSupport {

    @Autowired
    RetentionJob job;

    @Test
    @DisplayName("warned 30 and 7 days ahead, once each; erased when the period has run out")
    void warnsThenErases() {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@retention.test",
                "Rhea Solberg", "rhea.solberg@retention.test");
        Scenario open = new Scenario(wrt(), events(), queries, "admin@retention-open.test",
                "Otto Open", "otto.open@retention-open.test");
        wrt().send(new CompleteCampaign(s.campaign, s.organisation), s.admin);
        Instant completedAt = events().messages(CampaignCompleted.class).stream()
                .filter(m -> ((CampaignCompleted) m.getPayload()).campaignId().equals(s.campaign))
                .findFirst().orElseThrow().getTimestamp();
        Instant due = completedAt.atOffset(ZoneOffset.UTC).plusMonths(24).toInstant();
        awaitProjections();

        clock.moveTo(due.minus(Duration.ofDays(40)));
        assertThat(job.run()).isEqualTo(new RetentionJob.Report(0, 0, 0));
        assertThat(retentionMail.sent).isEmpty();
        clock.moveTo(due.minus(Duration.ofDays(31)));
        job.run();
        assertThat(retentionMail.sent).as("more than 30 days ahead").isEmpty();

        clock.moveTo(due.minus(Duration.ofDays(29)));
        assertThat(job.run().warned()).isEqualTo(1);
        assertThat(retentionMail.sent).singleElement().satisfies(mail -> {
            assertThat(mail.email()).isEqualTo("admin@retention.test");
            assertThat(mail.organisationName()).isEqualTo("Test organisation");
            assertThat(mail.campaignName()).isEqualTo("Future of work");
            assertThat(mail.erasureAt()).isEqualTo(due);
            assertThat(mail.campaignLink()).isEqualTo(URI.create("https://wrt.test/org/" + s.slug + "/campaigns/"
                    + s.campaign));
        });
        assertThat(job.run().warned()).as("a second run the same day warns nobody again").isZero();
        assertThat(retentionMail.sent).hasSize(1);

        // six days ahead: the 7-day warning, announcing a date at least 7 days away
        clock.moveTo(due.minus(Duration.ofDays(6)));
        job.run();
        job.run();
        assertThat(retentionMail.sent).hasSize(2);
        Instant announced = due.minus(Duration.ofDays(6)).plus(Duration.ofDays(7));
        assertThat(retentionMail.sent.get(1).erasureAt()).isCloseTo(announced, within(Duration.ofSeconds(5)));
        assertThat(events().payloads(RetentionWarningSent.class, e -> e.campaignId().equals(s.campaign)))
                .extracting(RetentionWarningSent::warning)
                .containsExactly(RetentionWarning.THIRTY_DAYS, RetentionWarning.SEVEN_DAYS);

        clock.moveTo(due.plus(Duration.ofHours(1)));
        assertThat(job.run().erased()).as("the period is over, but the announced date not yet").isZero();

        clock.moveTo(announced.plus(Duration.ofHours(1)));
        RetentionJob.Report report = job.run();
        assertThat(report.erased()).isEqualTo(1);
        awaitProjections();
        assertThat(events().payloads(CampaignErased.class, e -> e.campaignId().equals(s.campaign)))
                .extracting(CampaignErased::reason).containsExactly(ErasureReason.RETENTION_EXPIRED);
        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(s.campaign)))
                .extracting(SeedPersonAdded::email).containsOnly("[erased]");
        assertThat(queries.query(new FindCampaign(s.organisation, s.campaign), CampaignView.class).join()).isNull();
        assertThat(new PlaintextScan(jdbc).find("rhea.solberg@retention.test")).isEmpty();

        // the campaign that was never completed: no warning, no erasure
        assertThat(retentionMail.sent).noneMatch(m -> m.email().equals("admin@retention-open.test"));
        assertThat(queries.query(new FindCampaign(open.organisation, open.campaign), CampaignView.class).join())
                .isNotNull();
        assertThat(job.run().erased()).as("erased once").isZero();
    }

    @Test
    @DisplayName("the job is a db-scheduler recurring task, in the scheduler's table")
    void registered() {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        Integer rows = 0;
        while (rows == 0 && Instant.now().isBefore(until)) {
            rows = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?", Integer.class,
                    RetentionConfiguration.TASK);
        }
        assertThat(rows).isOne();
    }
}
