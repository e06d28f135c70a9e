package org.followthrough.timing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures this installation's timed work the way a rep would feel it: schedule probe actions
 * spread over a window, then read how late each started and whether any ran more than once.
 */
@Service
public class PunctualityProbes implements TimedActionHandler {

    /**
     * How a probe run went so far. Lateness in milliseconds; {@code repeatsSkipped} counts the times
     * the scheduler started a probe again (after a crash) and the run record made it a no-op.
     */
    public record Report(
            UUID runId,
            long scheduled,
            long ran,
            long pending,
            long ranMoreThanOnce,
            long repeatsSkipped,
            Long p50,
            Long p99,
            Long max) {}

    static final String KIND = "probe";
    static final int MAX_PROBES = 1_000_000;

    private final TimedActions actions;
    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final Clock clock;
    private final String instanceName;

    PunctualityProbes(
            TimedActions actions,
            JdbcClient jdbc,
            JdbcTemplate batchJdbc,
            Clock clock,
            @Value("${db-scheduler.scheduler-name}") String instanceName) {
        this.actions = actions;
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.clock = clock;
        this.instanceName = instanceName;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Schedules {@code count} probes due evenly over {@code window}, starting a few seconds from now. */
    @Transactional
    public UUID start(int count, Duration window) {
        if (count < 1 || count > MAX_PROBES) {
            throw InvalidInput.of("count", "must be between 1 and " + MAX_PROBES);
        }
        if (window.isNegative() || window.compareTo(Duration.ofDays(1)) > 0) {
            throw InvalidInput.of("withinSeconds", "must be between 0 and 86400");
        }
        var runId = UUID.randomUUID();
        var first = clock.instant().plusSeconds(5);
        var batch = new ArrayList<TimedAction>();
        var rows = new ArrayList<Object[]>();
        for (int n = 0; n < count; n++) {
            var due = first.plusNanos(window.toNanos() / count * n);
            batch.add(new TimedAction(KIND, runId + ":" + n, due, null));
            rows.add(new Object[] {runId, n, Sql.ts(due)});
            if (batch.size() == 5_000 || n == count - 1) {
                batchJdbc.batchUpdate("insert into timed_action_probes (run_id, n, due_at) values (?, ?, ?)", rows);
                actions.scheduleNew(batch);
                batch.clear();
                rows.clear();
            }
        }
        return runId;
    }

    @Override
    public void perform(TimedAction action) {
        int colon = action.key().indexOf(':');
        var runId = UUID.fromString(action.key().substring(0, colon));
        int n = Integer.parseInt(action.key().substring(colon + 1));
        var now = clock.instant();
        jdbc.sql(
                        """
                update timed_action_probes
                set runs = runs + 1,
                    first_ran_at = coalesce(first_ran_at, ?),
                    lateness_ms = coalesce(lateness_ms, ?),
                    ran_by = coalesce(ran_by, ?)
                where run_id = ? and n = ?""")
                .params(Sql.ts(now), Duration.between(action.dueAt(), now).toMillis(), instanceName, runId, n)
                .update();
    }

    public Report report(UUID runId) {
        return jdbc.sql(
                        """
                select count(*) as scheduled,
                       count(first_ran_at) as ran,
                       sum(case when runs > 1 then 1 else 0 end) as duplicates,
                       percentile_cont(0.5) within group (order by lateness_ms) as p50,
                       percentile_cont(0.99) within group (order by lateness_ms) as p99,
                       max(lateness_ms) as max_lateness,
                       (select coalesce(sum(r.repeats), 0) from timed_action_runs r where r.instance_id like ?) as repeats
                from timed_action_probes where run_id = ?""")
                .params(KIND + "/" + runId + ":%", runId)
                .query((rs, i) -> new Report(
                        runId,
                        rs.getLong("scheduled"),
                        rs.getLong("ran"),
                        rs.getLong("scheduled") - rs.getLong("ran"),
                        rs.getLong("duplicates"),
                        rs.getLong("repeats"),
                        longOrNull(rs.getObject("p50")),
                        longOrNull(rs.getObject("p99")),
                        longOrNull(rs.getObject("max_lateness"))))
                .optional()
                .filter(r -> r.scheduled() > 0)
                .orElseThrow(() -> Refusal.notFound("probe run", runId));
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }
}
