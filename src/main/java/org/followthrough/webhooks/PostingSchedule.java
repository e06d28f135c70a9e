package org.followthrough.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs delivery rounds one second apart as a recurring scheduler task: on one instance at a time,
 * taken over by another when that one dies. Each round claims its deliveries with its own token, so a
 * round that overlaps another (a paused instance coming back) never posts what the other took.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class PostingSchedule {

    static final String TASK = "webhook-delivery";

    @Bean
    @ConditionalOnBooleanProperty(name = "followthrough.webhooks.scheduled-delivery", matchIfMissing = true)
    RecurringTask<Void> webhookDelivery(Posting posting) {
        return Tasks.recurring(TASK, FixedDelay.ofSeconds(1)).execute((instance, context) -> posting.postDue());
    }
}
