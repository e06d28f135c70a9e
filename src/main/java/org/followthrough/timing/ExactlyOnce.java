package org.followthrough.timing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.followthrough.common.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a handler and records that it ran in one transaction. The scheduler marks an action complete
 * in a separate step, so a crash in between makes it run the action again; the record turns that
 * repeat into a no-op, and a failure rolls back both the work and the record so the retry is clean.
 */
@Component
class ExactlyOnce {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnce.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    ExactlyOnce(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    void perform(TimedAction action, TimedActionHandler handler) {
        if (handler == null) {
            log.warn("No handler for timed action {}; dropping it", action.instanceId());
            return;
        }
        var now = clock.instant();
        lateness(action.kind()).record(Duration.between(action.dueAt(), now).abs());
        transaction.executeWithoutResult(status -> {
            if (alreadyRan(action)) {
                log.info(
                        "Timed action {} due {} already ran; not running it again",
                        action.instanceId(),
                        action.dueAt());
                return;
            }
            jdbc.sql("insert into timed_action_runs (instance_id, due_at, ran_at) values (?, ?, ?)")
                    .params(action.instanceId(), Sql.ts(action.dueAt()), Sql.ts(now))
                    .update();
            handler.perform(action);
        });
    }

    private boolean alreadyRan(TimedAction action) {
        return jdbc.sql("update timed_action_runs set repeats = repeats + 1 where instance_id = ? and due_at = ?")
                        .params(action.instanceId(), Sql.ts(action.dueAt()))
                        .update()
                > 0;
    }

    private Timer lateness(String kind) {
        return Timer.builder("followthrough.timed.action.lateness")
                .description("How long after its due time a timed action started")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }
}
