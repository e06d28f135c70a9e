package org.followthrough.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.followthrough.SignalSender.await;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/** A listener that failed gets its event again from the retry job, without waiting for a restart. */
@ApplicationTest
@Import(EventRetriesTest.FlakyListener.class)
class EventRetriesTest {

    /** An event whose listener fails the first time, as one meeting a passing database error would. */
    record Hiccup(String id) {}

    static class FlakyListener {

        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Set<String> handled = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(Hiccup event) {
            if (attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away for a moment");
            }
            handled.add(event.id());
        }

        // read through methods: the bean is a proxy (its listener runs asynchronously), whose own fields are unset
        boolean handled(String id) {
            return handled.contains(id);
        }

        int attempts(String id) {
            var count = attempts.get(id);
            return count == null ? 0 : count.get();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FlakyListener listener;

    @Autowired
    EventRetries retries;

    @Test
    void aFailedListenerIsHandedItsEventAgainAndThenItsPublicationIsComplete() {
        var id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> events.publishEvent(new Hiccup(id)));

        await(() -> "FAILED".equals(status(id)) ? true : null);
        assertThat(listener.handled(id)).isFalse();

        retries.retryFailed();

        await(() -> listener.handled(id) ? true : null);
        await(() -> completed(id) ? true : null);
        assertThat(listener.attempts(id)).isEqualTo(2);
    }

    /** A handled publication is deleted (spring.modulith.events.completion-mode=delete). */
    private boolean completed(String id) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                        .param("%" + id + "%")
                        .query(Long.class)
                        .single()
                == 0;
    }

    private String status(String id) {
        return jdbc.sql("select status from event_publication where serialized_event like ?")
                .param("%" + id + "%")
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
