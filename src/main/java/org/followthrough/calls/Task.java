package org.followthrough.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.common.Transition;
import org.springframework.http.HttpStatus;

/**
 * One call to make: for whom, when, why, and the voicemail template of this attempt.
 *
 * <p>Its life: a task is opened {@link Status#OPEN} in its owner's queue — by a cadence step, a booked
 * appointment, an inquiry or a trigger event. While open it may be raised to the top of the queue as
 * another kind of call, told a new reason or moved to a new time. It ends once: {@link #complete done}
 * when its call is logged, or {@link #cancel cancelled} when the plan changes (the cadence ends, the
 * appointment is called off, the prospect may no longer be called). A done or cancelled task is never
 * opened again; the next call is a new task.
 */
public record Task(
        UUID id,
        UUID prospectId,
        UUID ownerId,
        UUID enrolmentId,
        Integer stepN,
        UUID appointmentId,
        TaskKind kind,
        Instant dueAt,
        String reason,
        String template,
        Status status) {

    public enum Status {
        OPEN,
        DONE,
        CANCELLED;

        /** Whether a task in this state is still waiting in a queue: the only state anything moves from. */
        public boolean isOpen() {
            return this == OPEN;
        }
    }

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }

    /** Its call was logged at {@code at}. */
    Transition<Task, TaskDone> complete(Instant at) {
        mustBeOpen();
        return new Transition<>(with(Status.DONE, kind, dueAt, reason), new TaskDone(id, prospectId, ownerId, at));
    }

    /** Called off: the plan it belonged to changed. */
    Transition<Task, TaskCancelled> cancel(Instant at) {
        mustBeOpen();
        return new Transition<>(
                with(Status.CANCELLED, kind, dueAt, reason), new TaskCancelled(id, prospectId, ownerId, at));
    }

    /** Brought forward as another kind of call, due at {@code due}, for {@code why}. */
    Transition<Task, TaskRaised> raise(TaskKind as, Instant due, String why, String prospectName) {
        mustBeOpen();
        var raised = with(Status.OPEN, as, due, why);
        return new Transition<>(raised, new TaskRaised(id, prospectId, ownerId, as, prospectName, why, due));
    }

    /** Due at another time, for another reason, still the same call. */
    Task retell(Instant due, String why) {
        mustBeOpen();
        return with(Status.OPEN, kind, due, why);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    private Task with(Status next, TaskKind nextKind, Instant due, String why) {
        return new Task(id, prospectId, ownerId, enrolmentId, stepN, appointmentId, nextKind, due, why, template, next);
    }

    private void mustBeOpen() {
        if (!isOpen()) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Task already closed",
                            "Task " + id + " is " + status + " already: its call was logged or it was called off."
                                    + " Leave taskId out, or send one of the prospect's open tasks.")
                    .with("taskId", id);
        }
    }
}
