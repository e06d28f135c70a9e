package org.followthrough.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.followthrough.appointments.Appointment;
import org.followthrough.appointments.Appointments;
import org.followthrough.cadence.Cadence;
import org.followthrough.common.InvalidInput;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.team.Actor;
import org.followthrough.touches.LogCall;
import org.followthrough.touches.Touches;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging a call, in one step: the call is checked against {@link CallRules}, recorded as a touch with
 * its label (R5) and how late an appointment call was (R11), completes the task it was made for, and
 * moves the prospect on: a connection ends the running cadence, an attempt steps it on, an appointment's
 * call holds or misses it (R12), and the next step the rep agreed is done ({@link NextSteps}).
 */
@Service
public class CallLog {

    /** What was logged, and the tasks now open for the prospect. */
    public record Logged(UUID touchId, String label, List<Task> planned) {}

    /** How long before an appointment a call may already be the appointment's call. */
    static final Duration APPOINTMENT_EARLY = Duration.ofMinutes(15);

    private final Prospects prospects;
    private final Touches touches;
    private final Tasks tasks;
    private final Appointments appointments;
    private final CallRules rules;
    private final Enrolments enrolments;
    private final NextSteps nextSteps;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallLog(
            Prospects prospects,
            Touches touches,
            Tasks tasks,
            Appointments appointments,
            CallRules rules,
            Enrolments enrolments,
            NextSteps nextSteps,
            ApplicationEventPublisher events,
            Clock clock) {
        this.prospects = prospects;
        this.touches = touches;
        this.tasks = tasks;
        this.appointments = appointments;
        this.rules = rules;
        this.enrolments = enrolments;
        this.nextSteps = nextSteps;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Logged log(Actor actor, UUID prospectId, LogCall sent) {
        var prospect = prospects.get(actor, prospectId);
        var now = clock.instant();
        var at = sent.happenedAt(now);
        var task = task(prospect, sent.taskId(), at);
        var call = new LoggedCall(prospect, sent, at, now, touches.counts(prospect.id()), afterSale(prospect));
        rules.check(call);
        var appointment = task == null || task.appointmentId() == null
                ? null
                : appointments.find(task.appointmentId()).orElse(null);
        var touchId = record(actor, call, task, appointment);
        if (task != null) {
            var done = task.complete(at);
            tasks.update(task, done.now(), at);
            events.publishEvent(done.event());
        }
        moveOn(call, task, appointment);
        var booked = nextSteps.follow(call);
        events.publishEvent(new CallLogged(
                touchId,
                prospect.id(),
                actor.id(),
                sent.outcome(),
                call.label(),
                at,
                sent,
                appointment == null ? null : appointment.id(),
                booked == null ? null : booked.id()));
        return new Logged(touchId, call.label(), tasks.openFor(prospect.id()));
    }

    /** The touch; an appointment's call is labelled as one, and how late it was is kept (R11). */
    private UUID record(Actor actor, LoggedCall call, Task task, Appointment appointment) {
        var touchId = UUID.randomUUID();
        var label = appointment == null ? call.label() : Touches.APPOINTMENT_LABEL;
        touches.insert(
                touchId,
                call.prospect().id(),
                actor.id(),
                call.call(),
                label,
                call.at(),
                call.now(),
                task == null ? null : task.id(),
                appointment == null ? null : appointment.id(),
                appointment == null
                        ? null
                        : Duration.between(appointment.at(), call.at()).toSeconds(),
                closing(call),
                call.before().followUps());
        return touchId;
    }

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
            named.complete(at); // refuses a task that is done or called off already
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
    private static LogCall.NextStep closing(LoggedCall call) {
        var stage = call.endStage();
        if (stage.isEmpty() || (call.prospect().stage() == Stage.WON && stage.get() == Stage.WON)) {
            return null;
        }
        return call.next();
    }

    /** What the call itself means for the prospect's cadence and for the appointment it was made for. */
    private void moveOn(LoggedCall call, Task task, Appointment appointment) {
        var p = call.prospect();
        if (call.connected() && !call.afterSale()) {
            if (p.stage() != Stage.WON) {
                prospects.moveTo(p.id(), Stage.ENGAGED);
            }
            enrolments.end(p.id(), "connected");
        } else if (p.stage() == Stage.NEW) {
            prospects.moveTo(p.id(), Stage.ATTEMPTING);
        }
        if (appointment != null) {
            if (call.connected()) {
                var held = appointment.hold(call.at());
                appointments.update(appointment, held.now());
                events.publishEvent(held.event());
            } else {
                var missed = appointment.miss();
                appointments.update(appointment, missed.now());
                enrolments.start(p.id(), Cadence.MISSED_APPOINTMENT, appointment.at());
                events.publishEvent(missed.event());
            }
        } else if ((!call.connected() || call.afterSale()) && task != null && task.enrolmentId() != null) {
            enrolments.stepDone(task.enrolmentId(), task.stepN(), call.at());
        }
    }
}
