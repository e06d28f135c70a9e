package org.followthrough.calls;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.followthrough.cadence.Cadence;
import org.followthrough.team.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Never lose a lead (R23): every open prospect always has a planned next step. Lists those that have
 * none, and every quarter of an hour puts new and unreached ones back into the first-time-call
 * cadence; an engaged prospect without a next step needs its owner, so it is listed and counted.
 */
@Configuration(proxyBeanMethods = false)
public class Leads {

    private static final Logger log = LoggerFactory.getLogger(Leads.class);

    /** An open prospect with nothing planned. */
    public record Stranded(UUID prospectId, String fullName, UUID ownerId, String stage) {}

    static final String STRANDED =
            """
            select p.id, p.full_name, p.owner_id, p.stage from prospects p
            where p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED') and p.do_not_call = false
              and not exists (select 1 from tasks t where t.prospect_id = p.id and t.status = 'OPEN')
            """;

    private final JdbcClient jdbc;
    private final AtomicLong stranded = new AtomicLong();

    Leads(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        meters.gauge("followthrough.prospects.without.next.step", stranded);
    }

    public List<Stranded> withoutNextStep(Actor actor, int limit) {
        var mine = actor.seesWholeTeam() ? "" : " and p.owner_id = ?";
        var query = jdbc.sql(
                STRANDED + mine + " order by p.created_at fetch first " + Math.min(limit, 1000) + " rows only");
        if (!actor.seesWholeTeam()) {
            query = query.param(actor.id());
        }
        return query.query((rs, i) -> new Stranded(
                        rs.getObject("id", UUID.class),
                        rs.getString("full_name"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getString("stage")))
                .list();
    }

    @Bean
    RecurringTask<Void> neverLoseALead(
            org.springframework.beans.factory.ObjectProvider<Enrolments> enrolments, Clock clock) {
        // enrolments schedule timed actions through the scheduler this task belongs to: looked up when it runs
        return Tasks.recurring("never-lose-a-lead", FixedDelay.ofMinutes(15)).execute((instance, context) -> {
            var lost = jdbc.sql(STRANDED + " fetch first 1000 rows only")
                    .query((rs, i) -> new Stranded(
                            rs.getObject("id", UUID.class), rs.getString("full_name"),
                            rs.getObject("owner_id", UUID.class), rs.getString("stage")))
                    .list();
            for (var s : lost) {
                if (!s.stage().equals("ENGAGED")) {
                    enrolments.getObject().start(s.prospectId(), Cadence.FIRST_TIME_CALLS, clock.instant());
                }
            }
            var left = lost.stream().filter(s -> s.stage().equals("ENGAGED")).count();
            stranded.set(left);
            if (left > 0) {
                log.warn(
                        "{} engaged prospects have no planned next step; see GET /api/v1/prospects/without-next-step",
                        left);
            }
        });
    }
}
