package org.followthrough.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class ExactlyOnceTest {

    @Autowired
    ExactlyOnce exactlyOnce;

    @Autowired
    JdbcClient jdbc;

    private final AtomicInteger performed = new AtomicInteger();
    private final TimedAction action =
            new TimedAction("count", UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), null);

    @Test
    void anActionRunAgainAfterACrashDoesItsWorkOnlyOnce() {
        TimedActionHandler counting = handler(a -> performed.incrementAndGet());
        exactlyOnce.perform(action, counting);
        exactlyOnce.perform(action, counting);

        assertThat(performed).hasValue(1);
        assertThat(repeats()).isEqualTo(1);
    }

    @Test
    void aFailedActionLeavesNoTraceSoItsRetryRuns() {
        assertThatThrownBy(() -> exactlyOnce.perform(action, handler(a -> {
                    throw new IllegalStateException("the mail server is down");
                })))
                .hasMessageContaining("mail server");
        exactlyOnce.perform(action, handler(a -> performed.incrementAndGet()));

        assertThat(performed).hasValue(1);
    }

    @Test
    void theSameKeyAtAnotherTimeIsAnotherAction() {
        TimedActionHandler counting = handler(a -> performed.incrementAndGet());
        exactlyOnce.perform(action, counting);
        exactlyOnce.perform(
                new TimedAction(action.kind(), action.key(), action.dueAt().plusSeconds(60), null), counting);

        assertThat(performed).hasValue(2);
    }

    private int repeats() {
        return jdbc.sql("select repeats from timed_action_runs where instance_id = ?")
                .param(action.instanceId())
                .query(Integer.class)
                .single();
    }

    private static TimedActionHandler handler(java.util.function.Consumer<TimedAction> work) {
        return new TimedActionHandler() {
            @Override
            public String kind() {
                return "count";
            }

            @Override
            public void perform(TimedAction action) {
                work.accept(action);
            }
        };
    }
}
