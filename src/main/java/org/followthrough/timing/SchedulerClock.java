package org.followthrough.timing;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler reads time from the application's clock, so the instants the engine plans and the
 * instants the scheduler fires on are the same time, and a test can move both at once.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerClock {

    @Bean
    com.github.kagkarlsson.scheduler.Clock applicationTimeForScheduler(Clock clock) {
        return clock::instant;
    }
}
