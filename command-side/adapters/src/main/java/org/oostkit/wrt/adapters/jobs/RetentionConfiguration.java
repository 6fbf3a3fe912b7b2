package org.oostkit.wrt.adapters.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneOffset;

/**
 * The retention job as a db-scheduler recurring task on the {@code scheduled_tasks} table: with several
 * instances it runs on exactly one of them each time (the scheduler's row lock), and a run missed while
 * every instance was down is made up at the next start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionSettings.class)
class RetentionConfiguration {

    static final String TASK = "wrt-retention";

    @Bean
    RecurringTask<Void> retentionTask(RetentionSettings settings, RetentionJob job) {
        return Tasks.recurring(TASK, Schedules.cron(settings.schedule(), ZoneOffset.UTC))
                .execute((instance, context) -> job.run());
    }
}
