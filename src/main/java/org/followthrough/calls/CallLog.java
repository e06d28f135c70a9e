package org.followthrough.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.team.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging a call, in one step: the touch with its label (R5), the task it completes, how late an
 * appointment call was (R11), and what the engine does next — the cadence's next step, the
 * missed-appointment protocol (R12), or the next step the rep agreed (R9), checked for persistence (R13).
 */
@Service
public class CallLog {

    /** What was logged, and the tasks now open for the prospect. */
    public record Logged(UUID touchId, String label, List<Task> planned) {}

    static final Set<String> END_STAGES = Set.of("WON", "LOST", "NURTURE");
    static final int PERSISTENCE = 5;

    private final Prospects prospects;
    private final Touches touches;
    private final Tasks tasks;
    private final Appointments appointments;
    private final AppointmentRules rules;
    private final Enrolments enrolments;
    private final AppointmentEmails emails;
    private final AppointmentChanges changes;
    private final CallSummaries summaries;
    private final CallHours callHours;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallLog(
            Prospects prospects,
            Touches touches,
            Tasks tasks,
            Appointments appointments,
            AppointmentRules rules,
            Enrolments enrolments,
            AppointmentEmails emails,
            AppointmentChanges changes,
            CallSummaries summaries,
            CallHours callHours,
            ApplicationEventPublisher events,
            Clock clock) {
        this.prospects = prospects;
        this.touches = touches;
        this.tasks = tasks;
        this.appointments = appointments;
        this.rules = rules;
        this.enrolments = enrolments;
        this.emails = emails;
        this.changes = changes;
        this.summaries = summaries;
        this.callHours = callHours;
        this.events = events;
        this.clock = clock;
    }

    public Prospect prospect(Actor actor, UUID prospectId) {
        return prospects.get(actor, prospectId);
    }

    /**
     * The prospect's open call tasks, earliest first: a page sends the one it shows as {@code taskId},
     * so the same form sent twice cannot log the call twice.
     */
    public List<Task> openTasks(Actor actor, UUID prospectId) {
        return tasks.openFor(prospects.get(actor, prospectId).id());
    }

    /** Appointment times to propose to the prospect, best first, free in the owner's calendar (R9). */
    public List<org.followthrough.calendar.Slots.Slot> slots(Actor actor, UUID prospectId, int count) {
        return rules.propose(prospects.get(actor, prospectId), clock.instant(), count);
    }

    @Transactional
    public Logged log(Actor actor, UUID prospectId, LogCall call) {
        var prospect = prospects.get(actor, prospectId);
        var now = clock.instant();
        var at = check(call, now);
        var counts = touches.counts(prospect.id());
        var label = counts.connected()
                ? "Follow-up #" + (counts.afterConnection() + 1)
                : "FTC #" + (counts.beforeConnection() + 1);
        var connected = call.outcome() == CallOutcome.CONNECTED;
        var next = call.nextStep();
        var task = task(prospect, call.taskId(), at);
        var afterSale = afterSale(prospect);
        if (connected && next == null && !afterSale) {
            throw rules.needsNextStep(prospect, now);
        }
        if (next != null) {
            checkNextStep(prospect, next, counts, connected, Boolean.TRUE.equals(call.confirm()), now);
        }
        var appointment = task == null || task.appointmentId() == null
                ? null
                : appointments.find(task.appointmentId()).orElse(null);
        var touchId = UUID.randomUUID();
        Long lateness = appointment == null
                ? null
                : Duration.between(appointment.at(), at).toSeconds();
        touches.insert(
                touchId,
                prospect.id(),
                actor.id(),
                call,
                appointment == null ? label : CallHours.APPOINTMENT_LABEL,
                at,
                now,
                task == null ? null : task.id(),
                appointment == null ? null : appointment.id(),
                lateness,
                end(prospect, next),
                followUps(counts));
        callHours.count(
                actor.id(),
                at,
                prospect.timeZone(),
                appointment == null ? label : CallHours.APPOINTMENT_LABEL,
                connected);
        if (task != null) {
            tasks.done(task.id(), at);
        }
        moveOn(prospect, connected, afterSale, task, appointment, at);
        var booked = next != null && !(afterSale && isStage(next, Stage.WON))
                ? follow(actor, prospect, next, at, now)
                : null;
        if (connected) {
            summaries.afterConnectedCall(prospect, touchId, call, booked, now);
        }
        events.publishEvent(new CallLogged(touchId, prospect.id(), actor.id(), call.outcome(), label, at));
        return new Logged(touchId, label, tasks.openFor(prospect.id()));
    }

    private Instant check(LogCall call, Instant now) {
        var problems = new InvalidInput.Collector();
        if (call.outcome() == null) {
            problems.add(
                    "outcome", "is required: CONNECTED, VOICEMAIL, GATEKEEPER, NO_ANSWER, WRONG_NUMBER or BAD_TIMING");
        }
        var at = call.at() == null ? now : call.at().toInstant();
        if (at.isAfter(now.plusSeconds(60))) {
            problems.add("at", "is in the future; log a call once it happened (leave it out for now)");
        }
        if (call.durationSeconds() != null && (call.durationSeconds() < 0 || call.durationSeconds() > 86_400)) {
            problems.add("durationSeconds", "must be between 0 and 86400");
        }
        if (call.notes() != null && call.notes().length() > 4000) {
            problems.add("notes", "must be at most 4000 characters");
        }
        var objection = call.objection();
        if (objection != null && !objection.isEmpty()) {
            if (objection.categoryOrOther() == null) {
                problems.add(
                        "objection.category",
                        "must be BUDGET, AUTHORITY, NEED, TIMING or OTHER (or left out for OTHER), not '"
                                + objection.category() + "'");
            }
            var text = objection.cleanText();
            if (text != null && text.length() > LogCall.Objection.MAX_TEXT) {
                problems.add(
                        "objection.text",
                        "must be at most " + LogCall.Objection.MAX_TEXT + " characters; this one has " + text.length()
                                + ". Note the objection in a sentence or two; the rest belongs in notes");
            }
        }
        problems.throwIfAny();
        return at;
    }

    private void checkNextStep(
            Prospect p,
            LogCall.NextStep next,
            Touches.Counts counts,
            boolean connected,
            boolean confirmed,
            Instant now) {
        boolean appointment = next.appointmentAt() != null;
        boolean end = next.stage() != null;
        if (appointment == end) {
            throw InvalidInput.of(
                    "nextStep",
                    "give either an appointment {appointmentAt, agenda} or an end {stage:" + " WON, LOST or NURTURE}");
        }
        if (appointment) {
            rules.check(p, next.appointmentAt().toInstant(), Boolean.TRUE.equals(next.prospectAgreed()), now);
            return;
        }
        var stage = next.stage().toUpperCase(Locale.ROOT);
        if (!END_STAGES.contains(stage)) {
            throw InvalidInput.of("nextStep.stage", "must be WON, LOST or NURTURE, not '" + next.stage() + "'");
        }
        if (next.reason() != null && next.reason().length() > 500) {
            throw InvalidInput.of("nextStep.reason", "must be at most 500 characters");
        }
        int followUps = followUps(counts);
        if (stage.equals("LOST")
                && followUps < PERSISTENCE
                && !Boolean.TRUE.equals(next.prospectSaidNo())
                && !confirmed) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Confirm giving up",
                            "Only " + followUps + " follow-up" + (followUps == 1 ? "" : "s")
                                    + " so far: 80% of sales need"
                                    + " five or more. If the prospect said no, send prospectSaidNo: true; to close it"
                                    + " anyway, send confirm: true.")
                    .with("followUps", followUps);
        }
    }

    /** The follow-ups so far, counted for persistence (R13): the connecting call and every call after it. */
    private static int followUps(Touches.Counts counts) {
        return counts.afterConnection() + (counts.connected() ? 1 : 0);
    }

    /** How long before an appointment a call may already be the appointment's call. */
    static final Duration APPOINTMENT_EARLY = Duration.ofMinutes(15);

    /**
     * The task the call completes: the one named, which must be an open task of this prospect; else
     * the earliest open one, but an appointment only from 15 minutes before its time, so a call made
     * today does not use up (and miss) next week's appointment.
     */
    private Task task(Prospect p, UUID taskId, Instant at) {
        if (taskId != null) {
            var named = tasks.find(taskId)
                    .filter(t -> t.prospectId().equals(p.id()))
                    .orElseThrow(() -> InvalidInput.of(
                            "taskId",
                            "is not a task of this prospect; leave it out to log"
                                    + " the call against the prospect's next open task"));
            if (!named.status().equals("OPEN")) {
                throw new Refusal(
                                HttpStatus.CONFLICT,
                                "Task already closed",
                                "Task " + taskId + " is " + named.status() + " already: its call was logged or it"
                                        + " was called off. Leave taskId out, or send one of the prospect's open tasks.")
                        .with("taskId", taskId);
            }
            return named;
        }
        return tasks.openFor(p.id()).stream()
                .filter(t -> t.kind() != TaskKind.APPOINTMENT
                        || !at.isBefore(t.dueAt().minus(APPOINTMENT_EARLY)))
                .findFirst()
                .orElse(null);
    }

    /**
     * A customer in their post-sale cadence (R24): a check-in call that connects needs no next step
     * and does not end the cadence, which goes on to its next check-in; WON again changes nothing.
     */
    private boolean afterSale(Prospect p) {
        return p.stage() == Stage.WON
                && enrolments
                        .active(p.id())
                        .filter(e -> e.cadenceKey().equals(Cadence.POST_SALE))
                        .isPresent();
    }

    /**
     * The end this call closes the prospect with, as stored with the touch: none for an appointment, and
     * none for WON said of a customer (a post-sale check-in), so the numbers count each sale once.
     */
    private static LogCall.NextStep end(Prospect p, LogCall.NextStep next) {
        if (next == null || next.stage() == null || (p.stage() == Stage.WON && isStage(next, Stage.WON))) {
            return null;
        }
        return next;
    }

    private static boolean isStage(LogCall.NextStep next, Stage stage) {
        return next.stage() != null && next.stage().toUpperCase(Locale.ROOT).equals(stage.name());
    }

    /** What the call itself means for the prospect's cadence. */
    private void moveOn(
            Prospect p, boolean connected, boolean afterSale, Task task, Appointment appointment, Instant at) {
        if (connected && !afterSale) {
            if (p.stage() != Stage.WON) {
                prospects.moveTo(p.id(), Stage.ENGAGED);
            }
            enrolments.end(p.id(), "connected");
        } else if (p.stage() == Stage.NEW) {
            prospects.moveTo(p.id(), Stage.ATTEMPTING);
        }
        if (appointment != null) {
            appointments.mark(appointment.id(), connected ? "HELD" : "MISSED");
            if (!connected) {
                enrolments.start(p.id(), Cadence.MISSED_APPOINTMENT, appointment.at());
                events.publishEvent(new AppointmentMissed(appointment.id(), p.id(), p.ownerId(), appointment.at()));
            }
        } else if ((!connected || afterSale) && task != null && task.enrolmentId() != null) {
            enrolments.stepDone(task.enrolmentId(), task.stepN(), at);
        }
    }

    /** Does the agreed next step; returns the appointment it booked, if any. */
    private Appointment follow(Actor actor, Prospect p, LogCall.NextStep next, Instant at, Instant now) {
        if (next.appointmentAt() != null) {
            var when = next.appointmentAt().toInstant();
            enrolments.end(p.id(), "appointment booked");
            tasks.cancelOpen(p.id(), now, true);
            var id = appointments.book(p.id(), p.ownerId(), when, next.agenda(), now);
            tasks.open(
                    p.id(),
                    p.ownerId(),
                    null,
                    null,
                    id,
                    TaskKind.APPOINTMENT,
                    when,
                    "Appointment" + (next.agenda() == null ? "" : ": " + next.agenda()),
                    "missed-appointment-m1",
                    now);
            var booked = appointments.find(id).orElseThrow();
            emails.booked(p, booked, now);
            events.publishEvent(new AppointmentBooked(id, p.id(), p.ownerId(), when));
            return booked;
        }
        var stage = Stage.valueOf(next.stage().toUpperCase(Locale.ROOT));
        // a closed prospect has no call to keep: the prospect's calendar gets the cancellation
        changes.cancelAll(p, now);
        tasks.cancelOpen(p.id(), now, false);
        prospects.moveTo(p.id(), stage);
        switch (stage) {
            case WON -> enrolments.start(p.id(), Cadence.POST_SALE, at);
            case NURTURE -> enrolments.start(p.id(), Cadence.NURTURE, now);
            default -> enrolments.end(p.id(), "closed as " + stage);
        }
        return null;
    }
}
