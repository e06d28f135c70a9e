package org.followthrough.calls;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.followthrough.cadence.Cadence;
import org.followthrough.common.ManyValues;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.team.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Never lose a lead (R23): every open prospect — nurtured and do-not-call ones included — always has
 * a planned next step: an open call, a running cadence waiting for its next email, or a cadence a
 * member paused (with its reason). Lists those
 * that have none; the check ({@link #check}, every quarter of an hour) puts unreached ones back into
 * the first-time calls and nurtured or do-not-call ones back into nurture, each where they left off
 * (R6); an engaged prospect without a next step needs its owner, so it is listed and counted, and so
 * is one a member took out of their cadence by hand: the check never overrides a member's decision.
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

    /** How many prospects are read and checked at a time. */
    static final int PAGE = 2_000;

    private static final Comparator<Prospect> OLDEST_FIRST =
            Comparator.comparing(Prospect::createdAt).thenComparing(Prospect::id);

    private final JdbcClient jdbc;
    private final ManyValues many;
    private final Prospects prospects;
    private final TransactionTemplate transaction;
    private final Enrolments enrolments;
    private final EnrolmentRows rows;
    private final Clock clock;
    private final AtomicLong stranded = new AtomicLong();

    Leads(
            JdbcClient jdbc,
            ManyValues many,
            Prospects prospects,
            TransactionTemplate transaction,
            Enrolments enrolments,
            EnrolmentRows rows,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.many = many;
        this.prospects = prospects;
        this.transaction = transaction;
        this.enrolments = enrolments;
        this.rows = rows;
        this.clock = clock;
        meters.gauge("followthrough.prospects.without.next.step", stranded);
    }

    /**
     * The first open prospects with nothing planned, oldest first: the member's own, or everyone's for one
     * who sees the whole team. Every followed-up prospect is read, a page at a time, and checked against
     * what is planned for it.
     */
    public List<Stranded> withoutNextStep(Actor actor, int limit) {
        return allWithoutNextStep(actor.seesWholeTeam() ? null : actor.id()).stream()
                .limit(Math.min(limit, 1000))
                .map(Leads::stranded)
                .toList();
    }

    /** Every open prospect with nothing planned, oldest first: the owner's, or everyone's when null. */
    private List<Prospect> allWithoutNextStep(UUID ownerId) {
        var found = new ArrayList<Prospect>();
        var overdue = clock.instant().minus(OVERDUE);
        List<Prospect> page;
        UUID after = null;
        do {
            page = prospects.followedUp(ownerId, after, PAGE);
            found.addAll(nothingPlanned(page, overdue));
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return found.stream().sorted(OLDEST_FIRST).toList();
    }

    /** Those of these prospects with no open call and no cadence waiting for its next email (R23). */
    private List<Prospect> nothingPlanned(List<Prospect> page, Instant overdue) {
        var ids = page.stream().map(Prospect::id).toList();
        var planned = new HashSet<UUID>();
        many.query(
                "select distinct prospect_id from tasks where status = '" + Task.Status.OPEN
                        + "' and prospect_id = any(?)",
                "uuid",
                ids,
                rs -> planned.add(rs.getObject(1, UUID.class)));
        var running = rows.runningOf(ids);
        // a paused cadence was held on purpose, with its reason: not a lead lost
        return page.stream()
                .filter(p -> p.doNotCall() || !planned.contains(p.id()))
                .filter(p -> running.getOrDefault(p.id(), List.of()).stream()
                        .noneMatch(e -> e.isPaused()
                                || (e.waitingUntil() != null
                                        && !e.waitingUntil().isBefore(overdue))))
                .toList();
    }

    /**
     * The scheduled check: plans a next step for every stranded prospect it can, and records (and
     * counts) the rest, engaged ones and any it failed to plan for, which {@link #leftByLastCheck}
     * reads. Each prospect is planned for in a transaction of its own, so one that fails holds up no
     * other.
     */
    public void check() {
        var now = clock.instant();
        var all = allWithoutNextStep(null);
        var left = new ArrayList<UUID>();
        // those a member took out by hand are their owner's to decide: listed, never put back, and never
        // in the way of the lost leads the check plans for (a bulk take-out of thousands included)
        var byHand = new HashSet<UUID>();
        for (int from = 0; from < all.size(); from += PAGE) {
            byHand.addAll(rows.takenOutByHand(all.subList(from, Math.min(all.size(), from + PAGE)).stream()
                    .map(Prospect::id)
                    .toList()));
        }
        left.addAll(byHand);
        var lost = all.stream()
                .filter(p -> !byHand.contains(p.id()))
                .limit(1000)
                .map(Leads::stranded)
                .toList();
        for (var s : lost) {
            try {
                if (plan(s, now) == Planned.LEFT_TO_OWNER) {
                    left.add(s.prospectId());
                }
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

    /** What the check did for one stranded prospect. */
    enum Planned {
        /** Put back into a cadence where they left off. */
        STARTED,
        /** Something was planned for them meanwhile (a member enrolled them, a call was queued): nothing to do. */
        PLANNED_MEANWHILE,
        /** Engaged, or taken out of their cadence by a member: their owner decides, so they are listed. */
        LEFT_TO_OWNER
    }

    /**
     * Plans a next step for one prospect the check found stranded, in a transaction of its own, after
     * looking again: a member may have enrolled them or taken them out by hand since they were read,
     * and the check never overrides a member's decision — a prospect a member took out of a cadence
     * (one at a time or in bulk) is left to their owner, listed, not put back.
     */
    Planned plan(Stranded s, Instant now) {
        return transaction.execute(status -> {
            var found = prospects.byIds(List.of(s.prospectId()));
            if (found.isEmpty() || !found.get(0).stage().isFollowedUp()) {
                return Planned.PLANNED_MEANWHILE;
            }
            var p = found.get(0);
            var cadence = p.doNotCall() || p.stage() == Stage.NURTURE
                    ? Cadence.NURTURE
                    : p.stage() == Stage.ENGAGED ? null : Cadence.FIRST_TIME_CALLS;
            if (cadence == null) {
                return Planned.LEFT_TO_OWNER;
            }
            if (nothingPlanned(found, now.minus(OVERDUE)).isEmpty()) {
                return Planned.PLANNED_MEANWHILE;
            }
            if (!rows.takenOutByHand(List.of(s.prospectId())).isEmpty()) {
                return Planned.LEFT_TO_OWNER;
            }
            enrolments.start(s.prospectId(), cadence, now);
            return Planned.STARTED;
        });
    }

    /**
     * What the last check left without a next step (the engaged prospects their owner must plan for,
     * and any it failed to plan for), still open and without one: the owner's, or everyone's when
     * null. Cheap at any size, unlike {@link #withoutNextStep}, which searches every prospect.
     */
    public List<Stranded> leftByLastCheck(UUID ownerId) {
        var ids = jdbc.sql("select prospect_id from leads_without_next_step")
                .query(UUID.class)
                .list();
        var left = prospects.byIds(ids).stream()
                .filter(p -> p.stage().isFollowedUp())
                .filter(p -> ownerId == null || p.ownerId().equals(ownerId))
                .toList();
        return nothingPlanned(left, clock.instant().minus(OVERDUE)).stream()
                .sorted(OLDEST_FIRST)
                .map(Leads::stranded)
                .toList();
    }

    private static Stranded stranded(Prospect p) {
        return new Stranded(p.id(), p.fullName(), p.ownerId(), p.stage().name(), p.doNotCall());
    }
}
