package org.followthrough.calls;

import java.time.Clock;
import java.time.Instant;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectChanged;
import org.followthrough.prospects.Prospects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a prospect's time zone changes, or the zones they may be in (a rep confirmed one, a new phone
 * moved them), their open calls move with it (R2): a cadence call is planned again by the planner for
 * the new place, any other call moves to the first legal moment there. An agreed appointment keeps its
 * minute; a call already due keeps its time when that is still legal.
 */
@Component
class CallsFollowTheZone {

    private final Prospects prospects;
    private final Enrolments enrolments;
    private final Tasks tasks;
    private final CallCalendar calendar;
    private final Clock clock;

    CallsFollowTheZone(Prospects prospects, Enrolments enrolments, Tasks tasks, CallCalendar calendar, Clock clock) {
        this.prospects = prospects;
        this.enrolments = enrolments;
        this.tasks = tasks;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Many at once (a bulk action's page): each prospect as if their change came alone. */
    @ApplicationModuleListener
    void on(org.followthrough.prospects.ProspectsChanged changed) {
        changed.changes().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(ProspectChanged changed) {
        if (changed.changed("timeZone") || changed.changed("timeZoneCandidates")) {
            prospects.byId(changed.prospectId()).ifPresent(this::replan);
        }
    }

    private void replan(Prospect p) {
        var now = clock.instant();
        for (var task : tasks.openFor(p.id())) {
            if (task.kind() == TaskKind.APPOINTMENT) {
                continue;
            }
            var due = legal(planned(task, p), task.dueAt(), now, p);
            if (!due.equals(task.dueAt())) {
                try {
                    tasks.update(task, task.retell(due, task.reason()), now);
                } catch (Refusal closedMeanwhile) {
                    // logged or called off at the same moment: nothing left to move
                }
            }
        }
    }

    /** When the cadence would have the call in the new place; the task's own time for any other call. */
    private Instant planned(Task task, Prospect p) {
        if (task.enrolmentId() == null || task.stepN() == null || !isCadenceCall(task.kind())) {
            return task.dueAt();
        }
        return enrolments.nextAt(task.enrolmentId(), task.stepN(), p).orElse(task.dueAt());
    }

    private Instant legal(Instant wanted, Instant was, Instant now, Prospect p) {
        if (wanted.isBefore(now)) {
            // already due: it stays due while its time is legal where they are, else the first legal moment
            return calendar.isLegal(was, p.place()) && !was.isAfter(now) ? was : calendar.earliestLegal(now, p.place());
        }
        return calendar.earliestLegal(wanted, p.place());
    }

    /** An inbound or trigger call was brought forward on purpose: only its legality is checked again. */
    private static boolean isCadenceCall(TaskKind kind) {
        return kind == TaskKind.FIRST_TIME_CALL
                || kind == TaskKind.FOLLOW_UP
                || kind == TaskKind.RETRY
                || kind == TaskKind.POST_SALE;
    }
}
