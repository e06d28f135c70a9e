package org.followthrough.timing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * Modules react to each other's events through stored publications. A listener that failed (a passing
 * database error, a deadlock) has its publication marked failed; without this it would wait for the
 * next restart. Every {@code followthrough.events.retry-every} (20 s), on one instance at a time, the
 * failed ones are handed to their listener again (handlers are idempotent), at most {@value #MAX_ATTEMPTS}
 * times: an inquiry that hit a bad moment still becomes a call (R23).
 *
 * <p>A listener cut off by the database going away cannot even mark its publication failed: it stays
 * published or in processing. One left so for longer than {@code followthrough.events.stale-after} (1
 * minute) is taken as failed and handed on again too, so nothing acknowledged before an outage waits for
 * the next restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventRetries.Settings.class)
public class EventRetries {

    /**
     * @param retryEvery how often failed publications are handed to their listeners again
     * @param staleAfter how long a publication may stay published, in processing or resubmitted before it is
     *     taken as failed
     */
    @ConfigurationProperties("followthrough.events")
    record Settings(Duration retryEvery, Duration staleAfter) {
        Settings {
            retryEvery = retryEvery == null ? Duration.ofSeconds(20) : retryEvery;
            staleAfter = staleAfter == null ? Duration.ofMinutes(1) : staleAfter;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    static final int MAX_ATTEMPTS = 10;

    private final IncompleteEventPublications incomplete;
    private final EventPublicationRegistry registry;
    private final Settings settings;

    EventRetries(IncompleteEventPublications incomplete, EventPublicationRegistry registry, Settings settings) {
        this.incomplete = incomplete;
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * Takes publications left published or in processing for too long as failed, then hands every failed
     * publication that has attempts left to its listener again.
     */
    public void retryFailed() {
        registry.markStalePublicationsFailed(status -> settings.staleAfter());
        incomplete.resubmitIncompletePublications(
                ResubmissionOptions.defaults().withBatchSize(500).withFilter(publication -> {
                    if (publication.getCompletionAttempts() < MAX_ATTEMPTS) {
                        log.info(
                                "Retrying event publication {} ({}), attempt {}",
                                publication.getIdentifier(),
                                publication.getEvent().getClass().getSimpleName(),
                                publication.getCompletionAttempts() + 1);
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
        return Tasks.recurring("event-listener-retries", FixedDelay.of(settings.retryEvery()))
                .execute((instance, context) -> retryFailed());
    }
}
