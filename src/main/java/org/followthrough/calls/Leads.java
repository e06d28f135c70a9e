package org.followthrough.calls;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.followthrough.cadence.Cadence;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Never lose a lead (R23): every open prospect — nurtured and do-not-call ones included — always has
 * a planned next step: an open call, or a running cadence waiting for its next email. Lists those
 * that have none; the check ({@link #check}, every quarter of an hour) puts unreached ones back into
 * the first-time calls and nurtured or do-not-call ones back into nurture, each where they left off
 * (R6); an engaged prospect without a next step needs its owner, so it is listed and counted.
 */
@Service
public class Leads {

    private static final Logger log = LoggerFactory.getLogger(Leads.class);

    /** An open prospect with nothing planned. */
    public record Stranded(UUID prospectId, String fullName, UUID ownerId, String stage, boolean doNotCall) {}

    /**
     * A waiting step this long overdue was lost (the timed action that should have moved it on is
     * gone), so it no longer counts as planned.
     */
    static final Duration OVERDUE = Duration.ofHours(1);

    /** An open prospect (as {@code p}) with nothing planned; the parameter is the overdue limit. */
    private static final String NOTHING_PLANNED =
            """
             p.stage in ('NEW', 'ATTEMPTING', 'ENGAGED', 'NURTURE')
              and (p.do_not_call or not exists (select 1 from tasks t where t.prospect_id = p.id and t.status = 'OPEN'))
              and not exists (select 1 from enrolments e where e.active_prospect_id = p.id and e.waiting_until >= ?)
            """;

    private static final String COLUMNS = "select p.id, p.full_name, p.owner_id, p.stage, p.do_not_call";

    static final String STRANDED = COLUMNS + " from prospects p where" + NOTHING_PLANNED;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Enrolments enrolments;
    private final Clock clock;
    private final AtomicLong stranded = new AtomicLong();

    Leads(JdbcClient jdbc, TransactionTemplate transaction, Enrolments enrolments, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.enrolments = enrolments;
        this.clock = clock;
        meters.gauge("followthrough.prospects.without.next.step", stranded);
    }

    public List<Stranded> withoutNextStep(Actor actor, int limit) {
        return withoutNextStep(actor.seesWholeTeam() ? null : actor.id(), limit);
    }

    /** The first open prospects with nothing planned, oldest first: the owner's, or everyone's when null. */
    private List<Stranded> withoutNextStep(UUID ownerId, int limit) {
        var query = jdbc.sql(STRANDED + (ownerId == null ? "" : " and p.owner_id = ?")
                        + " order by p.created_at fetch first " + Math.min(limit, 1000) + " rows only")
                .param(Sql.ts(clock.instant().minus(OVERDUE)));
        if (ownerId != null) {
            query = query.param(ownerId);
        }
        return query.query(Leads::stranded).list();
    }

    /**
     * The scheduled check: plans a next step for every stranded prospect it can, and records (and
     * counts) the rest, engaged ones and any it failed to plan for, which {@link #leftByLastCheck}
     * reads. Each prospect is planned for in a transaction of its own, so one that fails holds up no
     * other.
     */
    public void check() {
        var now = clock.instant();
        var lost = jdbc.sql(STRANDED + " order by p.created_at fetch first 1000 rows only")
                .param(Sql.ts(now.minus(OVERDUE)))
                .query(Leads::stranded)
                .list();
        var left = new ArrayList<UUID>();
        for (var s : lost) {
            var cadence = s.doNotCall() || s.stage().equals("NURTURE")
                    ? Cadence.NURTURE
                    : s.stage().equals("ENGAGED") ? null : Cadence.FIRST_TIME_CALLS;
            if (cadence == null) {
                left.add(s.prospectId());
                continue;
            }
            try {
                enrolments.start(s.prospectId(), cadence, now);
            } catch (RuntimeException e) {
                // left to their owner like an engaged one, and the check goes on with the others
                log.warn("Could not plan a next step for prospect {}: {}", s.prospectId(), e.getMessage());
                left.add(s.prospectId());
            }
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("delete from leads_without_next_step").update();
            for (var id : left) {
                jdbc.sql("insert into leads_without_next_step (prospect_id, found_at) values (?, ?)")
                        .params(id, Sql.ts(now))
                        .update();
            }
        });
        stranded.set(left.size());
        if (!left.isEmpty()) {
            log.warn(
                    "{} prospects have no planned next step; see GET /api/v1/prospects/without-next-step", left.size());
        }
    }

    /**
     * What the last check left without a next step (the engaged prospects their owner must plan for,
     * and any it failed to plan for), still open and without one: the owner's, or everyone's when
     * null. Cheap at any size, unlike {@link #withoutNextStep}, which searches every prospect.
     */
    public List<Stranded> leftByLastCheck(UUID ownerId) {
        var query = jdbc.sql(COLUMNS + " from leads_without_next_step l join prospects p on p.id = l.prospect_id where"
                        + NOTHING_PLANNED + (ownerId == null ? "" : " and p.owner_id = ?") + " order by p.created_at")
                .param(Sql.ts(clock.instant().minus(OVERDUE)));
        if (ownerId != null) {
            query = query.param(ownerId);
        }
        return query.query(Leads::stranded).list();
    }

    private static Stranded stranded(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stranded(
                rs.getObject("id", UUID.class),
                rs.getString("full_name"),
                rs.getObject("owner_id", UUID.class),
                rs.getString("stage"),
                rs.getBoolean("do_not_call"));
    }
}
