package org.followthrough.timing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.followthrough.common.Sql;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Forgets the run records of actions done more than 30 days ago: none of them can run again by then. */
@Configuration(proxyBeanMethods = false)
class RunRecordCleanup {

    static final Duration KEEP = Duration.ofDays(30);

    @Bean
    RecurringTask<Void> forgetOldTimedActionRuns(JdbcClient jdbc, Clock clock) {
        return Tasks.recurring("timed-action-runs-cleanup", FixedDelay.ofHours(6))
                .execute((instance, context) -> jdbc.sql("delete from timed_action_runs where ran_at < ?")
                        .param(Sql.ts(clock.instant().minus(KEEP)))
                        .update());
    }
}
