package org.followthrough.messaging;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs delivery rounds one second apart. A recurring scheduler task runs on one instance at a time,
 * and another instance takes over when that one seems dead; should the first one only have stalled,
 * the claims in {@link OutboxClaims} keep the two rounds from sending the same email. Tests turn the
 * schedule off and run rounds themselves, so several test contexts sharing one database never send
 * at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    MailSettings.class,
    ImapSettings.class,
    SendWindowSettings.class,
    DkimSettings.class,
    DnsSettings.class
})
class DeliverySchedule {

    static final String TASK = "outbox-delivery";

    @Bean
    @ConditionalOnBooleanProperty(name = "followthrough.mail.scheduled-delivery", matchIfMissing = true)
    RecurringTask<Void> outboxDelivery(Delivery delivery) {
        return Tasks.recurring(TASK, FixedDelay.ofSeconds(1)).execute((instance, context) -> delivery.deliverDue());
    }
}
