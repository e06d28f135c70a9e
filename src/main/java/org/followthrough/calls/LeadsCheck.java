package org.followthrough.calls;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the never-lose-a-lead check (R23) every quarter of an hour, on one instance at a time. */
@Configuration(proxyBeanMethods = false)
class LeadsCheck {

    /** The check schedules timed actions through the scheduler this task belongs to, so it is looked up when it runs. */
    @Bean
    RecurringTask<Void> neverLoseALead(ObjectProvider<Leads> leads) {
        return Tasks.recurring("never-lose-a-lead", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> leads.getObject().check());
    }
}
