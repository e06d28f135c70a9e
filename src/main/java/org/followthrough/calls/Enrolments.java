package org.followthrough.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.PlannedStep;
import org.followthrough.cadence.Planner;
import org.followthrough.cadence.WordingChosen;
import org.followthrough.cadence.WordingsChosen;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries each prospect through their cadence — one at a time, and beside it any cadences that run
 * alongside the others (each at most once). After every step it asks the planner for the
 * next one: a call becomes a task in the owner's queue, an email is planned ({@link CadenceEmailPlanned}) due at its exact
 * moment, a voicemail belongs to the call before it. When the last step passes without a connection
 * the prospect moves to the cadence's end stage (NURTURE keeps a slow cadence going, R23).
 */
@Service
public class Enrolments {

    /**
     * The cadences a prospect goes on with where they left off when enrolled again; the missed-appointment
     * protocol and the post-sale check-ins belong to one appointment or one sale and start afresh.
     */
    static final java.util.Set<String> RESUMED = java.util.Set.of(Cadence.FIRST_TIME_CALLS, Cadence.NURTURE);

    private final EnrolmentRows rows;
    private final Cadences cadences;
    private final Planner planner;
    private final Prospects prospects;
    private final Tasks tasks;
    private final TimedActions actions;
    private final CallCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enrolments(
            EnrolmentRows rows,
            Cadences cadences,
            Planner planner,
            Prospects prospects,
            Tasks tasks,
            TimedActions actions,
            CallCalendar calendar,
            ApplicationEventPublisher events,
            Clock clock) {
        this.calendar = calendar;
        this.rows = rows;
        this.cadences = cadences;
        this.planner = planner;
        this.prospects = prospects;
        this.tasks = tasks;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts the cadence for the prospect from {@code start}, ending the one they were in (for a
     * cadence that runs alongside, only its own earlier run, if one is still going). A
     * do-not-call prospect (R2) is never put in a calling cadence, whose emails only go with its calls
     * ("I tried to reach you by phone"): they get nurture, by email only, instead.
     */
    @Transactional
    public void start(UUID prospectId, String cadenceKey, Instant start) {
        prospects.byId(prospectId).ifPresent(p -> startAll(java.util.List.of(p), cadenceKey, start));
    }

    /**
     * {@link #start} for many prospects at once, each as it would start alone (a do-not-call prospect gets
     * nurture instead of a calling cadence, a cadence left part-way goes on where it stopped): their times
     * in the cadence are read at once, the cadences they were in end together ({@link #endAll}), the new
     * enrolments are stored in one batch, and their first steps are planned together ({@link #advanceAll}).
     * The prospects are as read in the caller's transaction.
     */
    @Transactional
    public void startAll(java.util.List<Prospect> page, String cadenceKey, Instant start) {
        var byCadence = new java.util.LinkedHashMap<String, java.util.List<Prospect>>();
        boolean calls = cadences.get(cadenceKey).callsTheDoNotCall();
        for (var p : page) {
            var key = p.doNotCall() && calls ? Cadence.NURTURE : cadenceKey;
            byCadence.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(p);
        }
        for (var entry : byCadence.entrySet()) {
            var key = entry.getKey();
            var prospectsOf = entry.getValue();
            var ids = prospectsOf.stream().map(Prospect::id).toList();
            var cadence = cadences.get(key);
            var left = RESUMED.contains(key) ? rows.lastDoneInAll(ids, key) : java.util.Map.<UUID, Integer>of();
            // as start ends them: the earlier run of this cadence, and the main cadence unless this runs alongside
            var replaced = new java.util.LinkedHashSet<Enrolment>();
            rows.runningOf(ids).values().forEach(runs -> runs.stream()
                    .filter(e -> e.cadenceKey().equals(key) || (!cadence.alongside() && !e.alongside()))
                    .forEach(replaced::add));
            endAll(replaced, "replaced by " + key, null);
            var started = new java.util.ArrayList<Enrolment>();
            for (var p : prospectsOf) {
                int was = left.getOrDefault(p.id(), 0);
                int done = was < cadence.steps().size() ? was : 0;
                var from = done == 0 ? start : planner.resumedStart(cadence, p.place(), done, start);
                started.add(Enrolment.start(p.id(), key, cadence.alongside(), from, done, start));
            }
            rows.insertAll(started);
            advanceAll(started, prospectsOf);
        }
    }

    /** Step {@code n} of the enrolment happened at {@code at}: plan what follows. */
    @Transactional
    public void stepDone(UUID enrolmentId, int n, Instant at) {
        var enrolment = rows.find(enrolmentId, Enrolment.Status.ACTIVE).filter(e -> e.lastDoneN() < n);
        if (enrolment.isEmpty()) {
            return;
        }
        var done = rows.update(enrolment.get(), enrolment.get().stepDone(n, at), null, at);
        prospects.byId(done.prospectId()).ifPresent(p -> advanceAll(java.util.List.of(done), java.util.List.of(p)));
    }

    /**
     * Pauses every active cadence of the prospect (an out-of-office reply holds them all) for
     * {@code reason}, until {@code until} if given.
     */
    @Transactional
    public void pause(UUID prospectId, String reason, Instant until) {
        pauseAll(
                rows.allRunning(prospectId).stream().filter(Enrolment::isActive).toList(),
                reason,
                until == null ? java.util.Map.of() : java.util.Map.of(prospectId, until));
    }

    /**
     * {@link #pause} for many running enrolments at once, each until its own moment ({@code until}, by
     * prospect; none: until someone resumes it): their open calls leave the queue in one change, the
     * enrolments are stored in one batch, and each is announced on its own ({@link EnrolmentPaused}), so
     * what listens withdraws each prospect's waiting emails. Refused as a whole when one of them is paused
     * already or moved meanwhile. The paused enrolments, in the same order.
     */
    @Transactional
    public java.util.List<Enrolment> pauseAll(
            java.util.Collection<Enrolment> running, String reason, java.util.Map<UUID, Instant> until) {
        var now = clock.instant();
        var moves = new java.util.ArrayList<EnrolmentRows.Move>();
        var announced = new java.util.ArrayList<EnrolmentPaused>();
        for (var e : running) {
            var paused = e.pause(reason, until.get(e.prospectId()), now);
            moves.add(new EnrolmentRows.Move(e, paused.now(), null, null));
            announced.add(paused.event());
        }
        stop(moves, now);
        for (var e : running) {
            if (until.get(e.prospectId()) != null) {
                actions.schedule(new TimedAction(PausesEnd.KIND, e.id().toString(), until.get(e.prospectId()), null));
            }
        }
        announced.forEach(events::publishEvent);
        return moves.stream().map(EnrolmentRows.Move::now).toList();
    }

    /**
     * Resumes the prospect's paused cadence {@code cadenceKey} (null: the one {@link #meant}) from the step
     * after the last one done — the next variant (R6) — with its next step at the first legal moment from
     * now and the ones after it at their usual distances. The new running enrolment; a refusal (409) when
     * none is paused.
     */
    @Transactional
    public Enrolment resume(UUID prospectId, String cadenceKey) {
        var paused = meant(prospectId, cadenceKey).filter(Enrolment::isPaused);
        if (paused.isEmpty()) {
            throw new org.followthrough.common.Refusal(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "Cadence not paused",
                    "This prospect has no paused cadence to resume.");
        }
        // the day set for it is no longer needed (a timed run that has started leaves it: it finds nothing paused)
        actions.cancel(PausesEnd.KIND, paused.get().id().toString());
        return resumed(paused.get(), clock.instant());
    }

    /** The pause's end has come (a timed action): the enrolment resumes unless someone resumed or ended it. */
    @Transactional
    public void pauseEnded(UUID enrolmentId, Instant at) {
        rows.find(enrolmentId, Enrolment.Status.PAUSED).ifPresent(e -> resumed(e, at));
    }

    private Enrolment resumed(Enrolment paused, Instant at) {
        var now = clock.instant();
        var prospect = prospects.byId(paused.prospectId()).orElseThrow();
        var moment = calendar.earliestLegal(at.isAfter(now) ? at : now, prospect.place());
        var resumed = paused.resume(moment);
        rows.update(paused, resumed.now(), Enrolment.RESUMED, now);
        boolean emailsStopped = rows.emailsStopped(paused.id());
        var cadence = cadences.get(paused.cadenceKey());
        int done = paused.lastDoneN();
        var from = done == 0 ? moment : planner.resumedStart(cadence, prospect.place(), done, moment);
        var going = Enrolment.start(paused.prospectId(), paused.cadenceKey(), paused.alongside(), from, done, moment);
        rows.insertAll(java.util.List.of(going));
        if (emailsStopped) {
            rows.stopEmails(going.id(), "the prospect replied by email", now);
        }
        events.publishEvent(resumed.event());
        advanceAll(java.util.List.of(going), java.util.List.of(prospect));
        return meantAmong(rows.allRunning(paused.prospectId()), paused.cadenceKey())
                .orElse(going);
    }

    /**
     * Ends every running cadence of the prospect (those alongside too): their open call tasks leave
     * the queue, their emails still waiting in the outbox are withdrawn and the steps they waited for
     * are called off.
     */
    @Transactional
    public void end(UUID prospectId, String reason) {
        endAll(rows.allRunning(prospectId), reason, null);
    }

    /**
     * A member takes prospects out of these running cadences by hand: they end as {@link #end} ends them, in
     * one change to them all, with the member who ended them, and the never-lose-a-lead check (R23)
     * respects the decision ({@link EnrolmentRows#takenOutByHand}). Refused as a whole when one of them moved meanwhile.
     */
    @Transactional
    public void endAllByHand(java.util.Collection<Enrolment> running, String reason, UUID memberId) {
        endAll(running, reason, java.util.Objects.requireNonNull(memberId, "memberId"));
    }

    /** Ends the running enrolments as {@link #end} ends each, in one change to them all. */
    private void endAll(java.util.Collection<Enrolment> running, String reason, UUID byMember) {
        var now = clock.instant();
        var moves = new java.util.ArrayList<EnrolmentRows.Move>();
        var announced = new java.util.ArrayList<EnrolmentEnded>();
        for (var e : running) {
            var ended = e.end(reason, now);
            moves.add(new EnrolmentRows.Move(e, ended.now(), reason, byMember));
            announced.add(ended.event());
        }
        stop(moves, now);
        announced.forEach(events::publishEvent);
    }

    /**
     * Stores the moves of running enrolments that stop, paused or ended: their open calls leave the queue,
     * and the step each waited for is called off, as is the day a paused one was to resume.
     */
    private void stop(java.util.List<EnrolmentRows.Move> moves, Instant now) {
        tasks.cancelOpenOfAll(moves.stream().map(m -> m.was().id()).toList(), now);
        for (var move : moves) {
            var e = move.was();
            if (e.waitingStep() != null) {
                actions.cancel(CadenceStepsDue.KIND, CadenceStepsDue.key(e.id(), e.waitingStep()));
            }
            if (e.isPaused()) {
                actions.cancel(PausesEnd.KIND, e.id().toString());
            }
        }
        rows.updateAll(moves, now);
    }

    /**
     * The prospect answered by email (R21): their running cadences send no more automatic emails — the
     * pending ones are cancelled in the outbox — while their calls go on.
     */
    @Transactional
    public void stopEmails(UUID prospectId, String reason) {
        for (var e : rows.allRunning(prospectId)) {
            rows.stopEmails(e.id(), reason, clock.instant());
            events.publishEvent(new CadenceEmailsStopped(e.id(), prospectId, reason, clock.instant()));
        }
    }

    /** The prospect's running cadence that does not run alongside others: their one main cadence. */
    public Optional<Enrolment> active(UUID prospectId) {
        return rows.allRunning(prospectId).stream().filter(e -> !e.alongside()).findFirst();
    }

    /**
     * Every running (active or paused) cadence of many prospects, by prospect, read at once; each list
     * holds the main cadence first. Prospects in none are left out.
     */
    public java.util.Map<UUID, java.util.List<Enrolment>> runningOf(java.util.Collection<UUID> prospectIds) {
        return rows.runningOf(prospectIds);
    }

    /** Every running (active or paused) cadence of the prospect, the main one first. */
    public java.util.List<Enrolment> running(UUID prospectId) {
        return rows.allRunning(prospectId);
    }

    /** The prospect's running enrolment a member means, as {@link #meantAmong} picks it. */
    public Optional<Enrolment> meant(UUID prospectId, String cadenceKey) {
        return meantAmong(rows.allRunning(prospectId), cadenceKey);
    }

    /**
     * Of a prospect's running enrolments ({@link #running}'s list), the one a member means: the one in
     * {@code cadenceKey} when given; otherwise the main one ({@link #active}), or the only one running.
     * Empty when there is none, or when several run alongside each other with no main one and none is named.
     */
    public static Optional<Enrolment> meantAmong(java.util.List<Enrolment> running, String cadenceKey) {
        if (cadenceKey != null) {
            return running.stream()
                    .filter(e -> e.cadenceKey().equals(cadenceKey))
                    .findFirst();
        }
        var main = running.stream().filter(e -> !e.alongside()).findFirst();
        if (main.isPresent()) {
            return main;
        }
        return running.size() == 1 ? Optional.of(running.get(0)) : Optional.empty();
    }

    /** The cadence of an enrolment, running or ended. */
    public Optional<String> cadenceOf(UUID enrolmentId) {
        return rows.cadenceOf(enrolmentId);
    }

    /**
     * Plans, for each enrolment, the steps after the last one done up to the next it waits for: a call (a
     * task the rep logs), or an email with no call right after it, whose moment a timed action waits for —
     * so a nurture cadence has one email planned at a time, and ending it withdraws that one. {@code of}
     * holds each enrolment's prospect, in the same order. The calls are opened in one batch, their wordings
     * announced in one event ({@link WordingsChosen}) and the steps passed stored in one batch; an email is
     * announced on its own ({@link CadenceEmailPlanned}), each being written for its prospect.
     */
    private void advanceAll(java.util.List<Enrolment> enrolments, java.util.List<Prospect> of) {
        var now = clock.instant();
        var calls = new java.util.ArrayList<Tasks.Opening>();
        var wordings = new java.util.ArrayList<WordingChosen>();
        var moves = new java.util.ArrayList<EnrolmentRows.Move>();
        enrolment:
        for (int i = 0; i < enrolments.size(); i++) {
            var e = enrolments.get(i);
            var p = of.get(i);
            var cadence = cadences.get(e.cadenceKey());
            var done = e;
            for (var next = next(e, cadence, p); next.isPresent(); ) {
                var step = next.get();
                switch (step.channel()) {
                    case CALL -> {
                        if (!p.doNotCall()) {
                            var wording = cadence.step(step.n()).wordingFor(p.id(), cadence.key());
                            if (wording.name() != null) {
                                wordings.add(new WordingChosen(
                                        p.id(),
                                        p.ownerId(),
                                        cadence.key(),
                                        step.n(),
                                        Channel.CALL,
                                        wording.name(),
                                        wording.template(),
                                        null,
                                        step.at()));
                            }
                            calls.add(new Tasks.Opening(
                                    p.id(),
                                    p.ownerId(),
                                    e.id(),
                                    step.n(),
                                    null,
                                    kindOf(cadence),
                                    step.at(),
                                    cadence.callReason(step.n()),
                                    wording.template()));
                            if (done != e) {
                                moves.add(new EnrolmentRows.Move(e, done, null, null));
                            }
                            continue enrolment;
                        }
                    }
                    case EMAIL -> {
                        if (!rows.emailsStopped(e.id())) {
                            events.publishEvent(new CadenceEmailPlanned(
                                    p.id(), e.id(), step.n(), step.template(), step.at(), cadence.key()));
                        }
                        if (p.doNotCall() || !cadence.callFollows(step.n())) {
                            // the enrolment goes on when the email is due: a timed action does it
                            actions.schedule(new TimedAction(
                                    CadenceStepsDue.KIND, CadenceStepsDue.key(e.id(), step.n()), step.at(), null));
                            moves.add(new EnrolmentRows.Move(e, done.waitFor(step.n(), step.at()), null, null));
                            continue enrolment;
                        }
                    }
                    case VOICEMAIL -> {
                        // left during the call before it; nothing to schedule
                    }
                }
                done = done.stepDone(step.n(), step.at());
                next = next(done, cadence, p);
            }
            finish(done, p, cadence);
        }
        tasks.openAll(calls, now);
        if (!wordings.isEmpty()) {
            events.publishEvent(new WordingsChosen(wordings));
        }
        rows.updateAll(moves, now);
    }

    /** The step that follows the last one the enrolment did, planned where the prospect is now. */
    private Optional<PlannedStep> next(Enrolment e, Cadence cadence, Prospect p) {
        return planner.next(cadence, p.place(), e.startedAt(), e.lastDoneN(), e.lastMoment());
    }

    /**
     * When the prospect's main cadence, planned again where they are now, has its next step, if that is
     * step {@code n} of the enrolment: the time a call of it is due there.
     */
    Optional<Instant> nextAt(UUID enrolmentId, int n, Prospect p) {
        return active(p.id())
                .filter(e -> e.id().equals(enrolmentId))
                .flatMap(e -> next(e, cadences.get(e.cadenceKey()), p))
                .filter(step -> step.n() == n)
                .map(PlannedStep::at);
    }

    /**
     * The last step is done: the prospect moves to the cadence's end stage, and a nurtured prospect
     * keeps a planned next step (R23) — the nurture cadence after the first-time calls, and the next
     * round of nurture after the last nurture email.
     */
    private void finish(Enrolment e, Prospect p, Cadence cadence) {
        var now = clock.instant();
        var ended = e.complete(now);
        rows.update(e, ended.now(), Enrolment.COMPLETED, now);
        events.publishEvent(ended.event());
        var last = e.lastMoment();
        boolean stillOurs = p.stage().isOpen() || p.stage() == Stage.NURTURE;
        if (cadence.key().equals(Cadence.NURTURE)) {
            // a round that took no time or waited on nothing (a nurture edited into one) would go round for ever
            boolean waitsOnSomething = cadence.has(Channel.EMAIL) || (cadence.has(Channel.CALL) && !p.doNotCall());
            if (stillOurs && last.isAfter(e.startedAt()) && waitsOnSomething) {
                start(p.id(), Cadence.NURTURE, last);
            }
        } else if (cadence.endStage() != null
                && stillOurs
                && (!e.alongside() || active(p.id()).isEmpty())) {
            // a cadence alongside the calls moves nobody's stage while their main cadence still runs
            var stage = Stage.valueOf(cadence.endStage());
            prospects.moveTo(p.id(), stage);
            if (stage == Stage.NURTURE) {
                start(p.id(), Cadence.NURTURE, last);
            }
        }
    }

    static TaskKind kindOf(Cadence cadence) {
        return switch (cadence.key()) {
            case Cadence.FIRST_TIME_CALLS -> TaskKind.FIRST_TIME_CALL;
            case Cadence.MISSED_APPOINTMENT -> TaskKind.RETRY;
            case Cadence.POST_SALE -> TaskKind.POST_SALE;
            default -> TaskKind.FOLLOW_UP;
        };
    }
}
