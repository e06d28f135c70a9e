package org.followthrough.timing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Modules react to each other's events through stored publications. A listener that failed (a passing
 * database error, a deadlock) has its publication marked failed; without this it would wait for the
 * next restart. Every minute, on one instance at a time, the failed ones are handed to their listener
 * again (handlers are idempotent), at most {@value #MAX_ATTEMPTS} times: an inquiry that hit a bad
 * moment still becomes a call (R23). Publications still being handled are not touched.
 */
@Configuration(proxyBeanMethods = false)
public class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    static final int MAX_ATTEMPTS = 10;

    private final IncompleteEventPublications incomplete;

    EventRetries(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    /** Hands every failed publication that has attempts left to its listener again. */
    public void retryFailed() {
        incomplete.resubmitIncompletePublications(
                ResubmissionOptions.defaults().withBatchSize(500).withFilter(publication -> {
                    if (publication.getCompletionAttempts() < MAX_ATTEMPTS) {
                        return true;
                    }
                    log.warn(
                            "Event publication {} ({}) failed {} times and is no longer retried",
                            publication.getIdentifier(),
                            publication.getEvent().getClass().getSimpleName(),
                            publication.getCompletionAttempts());
                    return false;
                }));
    }

    @Bean
    RecurringTask<Void> retryFailedEventListeners() {
        return Tasks.recurring("event-listener-retries", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> retryFailed());
    }
}
