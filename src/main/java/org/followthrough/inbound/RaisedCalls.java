package org.followthrough.inbound;

import java.time.Clock;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calls.Enrolments;
import org.followthrough.calls.TaskChanges;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.springframework.stereotype.Component;

/**
 * Calls raised to the top of an owner's queue because something happened outside (R7, R20): an
 * inquiry brings the prospect's next cadence call forward as an INBOUND call, a trigger event opens
 * (or retells) the prospect's one TRIGGER call. Either is due at the prospect's earliest legal moment
 * and announced by {@code calls} with its {@code TaskRaised}. Never for a do-not-call prospect.
 */
@Component
class RaisedCalls {

    private final Prospects prospects;
    private final Enrolments enrolments;
    private final TaskChanges tasks;
    private final CallCalendar calendar;
    private final Clock clock;

    RaisedCalls(Prospects prospects, Enrolments enrolments, TaskChanges tasks, CallCalendar calendar, Clock clock) {
        this.prospects = prospects;
        this.enrolments = enrolments;
        this.tasks = tasks;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Someone new or being worked asked to be called: their next cadence call comes forward as an
     * inbound call (the first-time calls start if no cadence runs); the task's id, null for do-not-call.
     */
    UUID inbound(Prospect p, String reason) {
        if (p.doNotCall()) {
            return null;
        }
        var now = clock.instant();
        var due = calendar.earliestLegal(now, p.place());
        if (enrolments.active(p.id()).isEmpty()) {
            enrolments.start(p.id(), Cadence.FIRST_TIME_CALLS, now);
        }
        return tasks.raiseInbound(p, due, reason);
    }

    /**
     * Raises (or retells) the prospect's trigger call; the task's id, null for do-not-call. Runs with the
     * prospect's row locked, so events handled at the same moment take turns.
     */
    UUID trigger(Prospect p, String reason) {
        if (p.doNotCall()) {
            return null;
        }
        prospects.byIdLocked(p.id());
        return tasks.raiseTrigger(p, calendar.earliestLegal(clock.instant(), p.place()), reason);
    }
}
