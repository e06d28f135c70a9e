package org.followthrough.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Planner;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries each prospect through one cadence at a time. After every step it asks the planner for the
 * next one: a call becomes a task in the owner's queue, an email goes to the outbox due at its exact
 * moment, a voicemail belongs to the call before it. When the last step passes without a connection
 * the prospect moves to the cadence's end stage (NURTURE keeps a slow cadence going, R23).
 */
@Service
public class Enrolments {

    /** A prospect's place in a cadence. */
    public record Enrolment(
            UUID id,
            UUID prospectId,
            String cadenceKey,
            Instant startedAt,
            int lastDoneN,
            Instant lastDoneAt,
            Integer waitingStep,
            Instant waitingUntil) {

        Enrolment done(int n, Instant at) {
            return new Enrolment(id, prospectId, cadenceKey, startedAt, n, at, null, null);
        }
    }

    /** The cadences that still make sense for someone who may not be called: their calls are left out. */
    static final java.util.Set<String> EMAIL_ONLY_FITS = java.util.Set.of(Cadence.NURTURE, Cadence.POST_SALE);

    /**
     * The cadences a prospect goes on with where they left off when enrolled again; the missed-appointment
     * protocol and the post-sale check-ins belong to one appointment or one sale and start afresh.
     */
    static final java.util.Set<String> RESUMED = java.util.Set.of(Cadence.FIRST_TIME_CALLS, Cadence.NURTURE);

    private final JdbcClient jdbc;
    private final Cadences cadences;
    private final Planner planner;
    private final Prospects prospects;
    private final Tasks tasks;
    private final CadenceEmails emails;
    private final org.followthrough.messaging.Outbox outbox;
    private final TimedActions actions;
    private final Clock clock;

    Enrolments(
            JdbcClient jdbc,
            Cadences cadences,
            Planner planner,
            Prospects prospects,
            Tasks tasks,
            CadenceEmails emails,
            org.followthrough.messaging.Outbox outbox,
            TimedActions actions,
            Clock clock) {
        this.jdbc = jdbc;
        this.cadences = cadences;
        this.planner = planner;
        this.prospects = prospects;
        this.tasks = tasks;
        this.emails = emails;
        this.outbox = outbox;
        this.actions = actions;
        this.clock = clock;
    }

    /**
     * Starts the cadence for the prospect from {@code start}, ending the one they were in. A
     * do-not-call prospect (R2) is never put in a calling cadence, whose emails only go with its calls
     * ("I tried to reach you by phone"): they get nurture, by email only, instead.
     */
    @Transactional
    public void start(UUID prospectId, String cadenceKey, Instant start) {
        var prospect = prospects.byId(prospectId);
        if (prospect.isEmpty()) {
            return;
        }
        if (prospect.get().doNotCall() && !EMAIL_ONLY_FITS.contains(cadenceKey)) {
            cadenceKey = Cadence.NURTURE;
        }
        var cadence = cadences.get(cadenceKey);
        int done = RESUMED.contains(cadenceKey) ? leftAt(prospectId, cadence) : 0;
        end(prospectId, "replaced by " + cadenceKey);
        var place = prospect.get().place();
        var from = done == 0 ? start : planner.resumedStart(cadence, place, done, start);
        var enrolment = new Enrolment(
                UUID.randomUUID(), prospectId, cadenceKey, from, done, done == 0 ? null : start, null, null);
        jdbc.sql("insert into enrolments (id, prospect_id, cadence_key, started_at, last_done_n, last_done_at, status,"
                        + " active_prospect_id) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)")
                .params(
                        enrolment.id(),
                        prospectId,
                        cadenceKey,
                        Sql.ts(from),
                        done,
                        Sql.ts(enrolment.lastDoneAt()),
                        prospectId)
                .update();
        advance(enrolment, prospect.get());
    }

    /**
     * Where the prospect's latest time in this cadence stopped, if it stopped part-way: the cadence
     * starts again from there, so its messages go on with the next variant (R6); 0 for a first time
     * or after a complete round.
     */
    private int leftAt(UUID prospectId, Cadence cadence) {
        int done = jdbc.sql("select last_done_n from enrolments where prospect_id = ? and cadence_key = ?"
                        + " order by case when status = 'ACTIVE' then 0 else 1 end, ended_at desc, last_done_n desc"
                        + " fetch first 1 rows only")
                .params(prospectId, cadence.key())
                .query(Integer.class)
                .optional()
                .orElse(0);
        return done < cadence.steps().size() ? done : 0;
    }

    /** Step {@code n} of the enrolment happened at {@code at}: plan what follows. */
    @Transactional
    public void stepDone(UUID enrolmentId, int n, Instant at) {
        var enrolment = find(enrolmentId).filter(e -> e.lastDoneN() < n);
        if (enrolment.isEmpty()) {
            return;
        }
        var done = enrolment.get().done(n, at);
        remember(done);
        prospects.byId(done.prospectId()).ifPresent(p -> advance(done, p));
    }

    /**
     * Ends the prospect's running cadence: its open call tasks leave the queue, its emails still
     * waiting in the outbox are withdrawn and the step it waited for is called off.
     */
    @Transactional
    public void end(UUID prospectId, String reason) {
        var now = clock.instant();
        for (var e : active(prospectId).stream().toList()) {
            jdbc.sql("update tasks set status = 'CANCELLED', done_at = ? where enrolment_id = ? and status = 'OPEN'")
                    .params(Sql.ts(now), e.id())
                    .update();
            outbox.cancelPending(prospectId, CadenceEmails.PREFIX + e.id() + "/");
            if (e.waitingStep() != null) {
                actions.cancel(CadenceStepsDue.KIND, CadenceStepsDue.key(e.id(), e.waitingStep()));
            }
        }
        jdbc.sql("update enrolments set status = 'ENDED', ended_at = ?, end_reason = ?, active_prospect_id = null"
                        + " where active_prospect_id = ?")
                .params(Sql.ts(now), reason, prospectId)
                .update();
    }

    /**
     * The prospect answered by email (R21): the running cadence sends no more automatic emails — the
     * pending ones are cancelled in the outbox — while its calls go on. True if a cadence was running.
     */
    @Transactional
    public boolean stopEmails(UUID prospectId, String reason) {
        var running = active(prospectId);
        if (running.isEmpty()) {
            return false;
        }
        jdbc.sql("update enrolments set emails_stopped_at = coalesce(emails_stopped_at, ?), emails_stopped_reason ="
                        + " coalesce(emails_stopped_reason, ?) where id = ?")
                .params(Sql.ts(clock.instant()), reason, running.get().id())
                .update();
        outbox.cancelPending(prospectId, CadenceEmails.PREFIX + running.get().id() + "/");
        return true;
    }

    boolean emailsStopped(UUID enrolmentId) {
        return jdbc.sql("select emails_stopped_at from enrolments where id = ?")
                        .param(enrolmentId)
                        .query((rs, i) -> rs.getTimestamp(1))
                        .optional()
                        .orElse(null)
                != null;
    }

    public Optional<Enrolment> active(UUID prospectId) {
        return jdbc.sql("select * from enrolments where active_prospect_id = ?")
                .param(prospectId)
                .query(Enrolments::map)
                .optional();
    }

    /** The cadence of an enrolment, running or ended. */
    Optional<String> cadenceOf(UUID enrolmentId) {
        return jdbc.sql("select cadence_key from enrolments where id = ?")
                .param(enrolmentId)
                .query(String.class)
                .optional();
    }

    Optional<Enrolment> find(UUID id) {
        return jdbc.sql("select * from enrolments where id = ? and status = 'ACTIVE'")
                .param(id)
                .query(Enrolments::map)
                .optional();
    }

    /**
     * Plans the steps after the last one done up to the next the enrolment waits for: a call (a task
     * the rep logs), or an email with no call right after it, whose moment a timed action waits for —
     * so a nurture cadence has one email planned at a time, and ending it withdraws that one.
     */
    private void advance(Enrolment e, Prospect p) {
        var cadence = cadences.get(e.cadenceKey());
        var place = p.place();
        var done = e;
        var last = e.lastDoneAt() == null ? e.startedAt() : e.lastDoneAt();
        for (var next = planner.next(cadence, place, e.startedAt(), e.lastDoneN(), last); next.isPresent(); ) {
            var step = next.get();
            switch (step.channel()) {
                case CALL -> {
                    if (!p.doNotCall()) {
                        tasks.open(
                                p.id(),
                                p.ownerId(),
                                e.id(),
                                step.n(),
                                null,
                                kindOf(cadence),
                                step.at(),
                                reasonOf(cadence, step.n()),
                                step.template(),
                                clock.instant());
                        return;
                    }
                }
                case EMAIL -> {
                    if (!emailsStopped(e.id())) {
                        emails.step(p, e.id(), step.n(), step.template(), step.at(), cadence.key());
                    }
                    if (p.doNotCall() || !callFollows(cadence, step.n())) {
                        waitFor(done, step.n(), step.at());
                        return;
                    }
                }
                case VOICEMAIL -> {
                    // left during the call before it; nothing to schedule
                }
            }
            done = done.done(step.n(), step.at());
            remember(done);
            next = planner.next(cadence, place, e.startedAt(), done.lastDoneN(), done.lastDoneAt());
        }
        finish(done, p, cadence);
    }

    private static boolean callFollows(Cadence cadence, int n) {
        return n < cadence.steps().size() && cadence.step(n + 1).channel() == Channel.CALL;
    }

    /** The enrolment goes on at {@code at}, when step {@code n} (an email) is due: a timed action does it. */
    private void waitFor(Enrolment e, int n, Instant at) {
        actions.schedule(new TimedAction(CadenceStepsDue.KIND, CadenceStepsDue.key(e.id(), n), at, null));
        jdbc.sql("update enrolments set waiting_step = ?, waiting_until = ? where id = ?")
                .params(n, Sql.ts(at), e.id())
                .update();
    }

    /**
     * The last step is done: the prospect moves to the cadence's end stage, and a nurtured prospect
     * keeps a planned next step (R23) — the nurture cadence after the first-time calls, and the next
     * round of nurture after the last nurture email.
     */
    private void finish(Enrolment e, Prospect p, Cadence cadence) {
        jdbc.sql("update enrolments set status = 'ENDED', ended_at = ?, end_reason = 'all steps done',"
                        + " active_prospect_id = null where id = ?")
                .params(Sql.ts(clock.instant()), e.id())
                .update();
        var last = e.lastDoneAt() == null ? e.startedAt() : e.lastDoneAt();
        boolean stillOurs = p.stage().isOpen() || p.stage() == Stage.NURTURE;
        if (cadence.key().equals(Cadence.NURTURE)) {
            // a round that took no time or waited on nothing (a nurture edited into one) would go round for ever
            if (stillOurs && last.isAfter(e.startedAt()) && waitsOnSomething(cadence, p)) {
                start(p.id(), Cadence.NURTURE, last);
            }
        } else if (cadence.endStage() != null && stillOurs) {
            var stage = Stage.valueOf(cadence.endStage());
            prospects.moveTo(p.id(), stage);
            if (stage == Stage.NURTURE) {
                start(p.id(), Cadence.NURTURE, last);
            }
        }
    }

    private static boolean waitsOnSomething(Cadence cadence, Prospect p) {
        return cadence.steps().stream()
                .anyMatch(s -> s.channel() == Channel.EMAIL || (s.channel() == Channel.CALL && !p.doNotCall()));
    }

    private void remember(Enrolment e) {
        jdbc.sql("update enrolments set last_done_n = ?, last_done_at = ?, waiting_step = null, waiting_until = null"
                        + " where id = ?")
                .params(e.lastDoneN(), Sql.ts(e.lastDoneAt()), e.id())
                .update();
    }

    static TaskKind kindOf(Cadence cadence) {
        return switch (cadence.key()) {
            case Cadence.FIRST_TIME_CALLS -> TaskKind.FIRST_TIME_CALL;
            case Cadence.MISSED_APPOINTMENT -> TaskKind.RETRY;
            case Cadence.POST_SALE -> TaskKind.POST_SALE;
            default -> TaskKind.FOLLOW_UP;
        };
    }

    static String reasonOf(Cadence cadence, int n) {
        var calls = cadence.steps().stream()
                .filter(s -> s.channel() == Channel.CALL)
                .toList();
        int index = 1;
        for (var s : calls) {
            if (s.n() == n) {
                break;
            }
            index++;
        }
        return cadence.name() + ": call " + index + " of " + calls.size();
    }

    private static Enrolment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Enrolment(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "prospect_id"),
                rs.getString("cadence_key"),
                Sql.instant(rs, "started_at"),
                rs.getInt("last_done_n"),
                Sql.instant(rs, "last_done_at"),
                (Integer) rs.getObject("waiting_step"),
                Sql.instant(rs, "waiting_until"));
    }
}
