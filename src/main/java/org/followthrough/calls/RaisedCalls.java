package org.followthrough.calls;

import java.time.Clock;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Calls raised to the top of an owner's queue because something happened outside (R7, R20): an
 * inquiry brings the prospect's next cadence call forward as an INBOUND call, a trigger event opens
 * (or retells) the prospect's one TRIGGER call. Either is due at the prospect's earliest legal moment
 * and announced with {@link TaskRaised}. Never for a do-not-call prospect.
 */
@Service
public class RaisedCalls {

    private final Prospects prospects;
    private final Enrolments enrolments;
    private final Tasks tasks;
    private final CallCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RaisedCalls(
            Prospects prospects,
            Enrolments enrolments,
            Tasks tasks,
            CallCalendar calendar,
            ApplicationEventPublisher events,
            Clock clock) {
        this.prospects = prospects;
        this.enrolments = enrolments;
        this.tasks = tasks;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Someone new or being worked asked to be called: their next cadence call comes forward as an
     * inbound call (the first-time calls start if no cadence runs); the task's id, null for do-not-call.
     */
    public UUID inbound(Prospect p, String reason) {
        if (p.doNotCall()) {
            return null;
        }
        var now = clock.instant();
        var due = calendar.earliestLegal(now, p.place());
        if (enrolments.active(p.id()).isEmpty()) {
            enrolments.start(p.id(), Cadence.FIRST_TIME_CALLS, now);
        }
        var next = tasks.nextOpenCall(p.id());
        if (next.isPresent()) {
            var raised = next.get().raise(TaskKind.INBOUND, due, reason, p.fullName());
            tasks.update(next.get(), raised.now(), now);
            events.publishEvent(raised.event());
            return raised.now().id();
        }
        var taskId = tasks.open(p.id(), p.ownerId(), null, null, null, TaskKind.INBOUND, due, reason, null, now);
        events.publishEvent(new TaskRaised(taskId, p.id(), p.ownerId(), TaskKind.INBOUND, p.fullName(), reason, due));
        return taskId;
    }

    /**
     * Raises (or retells) the prospect's trigger call; the task's id, null for do-not-call. Runs with the
     * prospect's row locked, so events handled at the same moment take turns.
     */
    public UUID trigger(Prospect p, String reason) {
        if (p.doNotCall()) {
            return null;
        }
        prospects.byIdLocked(p.id());
        var due = calendar.earliestLegal(clock.instant(), p.place());
        var open = tasks.openTrigger(p.id());
        var id = open.isPresent()
                ? null
                : tasks.openTriggerIfNone(p.id(), p.ownerId(), due, reason, clock.instant())
                        .orElse(null);
        if (id == null) {
            // one is open already (the unique open_trigger_for keeps it one even without the lock)
            var existing = open.orElseGet(() -> tasks.openTrigger(p.id()).orElseThrow());
            id = existing.id();
            due = existing.dueAt().isBefore(due) ? existing.dueAt() : due;
            tasks.update(existing, existing.retell(due, reason), clock.instant());
        }
        events.publishEvent(new TaskRaised(id, p.id(), p.ownerId(), TaskKind.TRIGGER, p.fullName(), reason, due));
        return id;
    }
}
