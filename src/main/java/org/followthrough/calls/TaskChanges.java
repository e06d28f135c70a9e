package org.followthrough.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.followthrough.touches.Touches;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rep passing over a call in their queue without making it: skipped (with a reason, kept on the
 * timeline as a note; the cadence goes on to its next step) or snoozed until a chosen time, which is
 * moved into the prospect's legal window (R2) when it falls outside. An appointment's call is neither:
 * the appointment is moved or cancelled instead. A task already done, skipped or snoozed by someone
 * else meanwhile is refused with 409, like a call logged twice. Something that happened outside can
 * also raise a call to the top of its owner's queue ({@link #raiseInbound}, {@link #raiseTrigger}),
 * announced with {@link TaskRaised}; when and for whom is the asking module's to decide.
 */
@Service
public class TaskChanges {

    /** What became of the task: {@code dueAt} is its new time when snoozed. */
    public record Changed(UUID taskId, UUID prospectId, String status, Instant dueAt, String label) {}

    static final int MAX_REASON = 500;

    /** How far ahead a call may be snoozed: further than this is a plan, not a snooze. */
    static final Duration LONGEST_SNOOZE = Duration.ofDays(90);

    private final Tasks tasks;
    private final Prospects prospects;
    private final Touches touches;
    private final Enrolments enrolments;
    private final CallCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskChanges(
            Tasks tasks,
            Prospects prospects,
            Touches touches,
            Enrolments enrolments,
            CallCalendar calendar,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.prospects = prospects;
        this.touches = touches;
        this.enrolments = enrolments;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** The call is not made: it leaves the queue and the cadence steps on; the reason is noted on the timeline. */
    @Transactional
    public Changed skip(Actor actor, UUID taskId, String reason) {
        var task = open(actor, taskId);
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw InvalidInput.of("reason", "is required: say why the call is skipped");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidInput.of("reason", "must be at most " + MAX_REASON + " characters");
        }
        var now = clock.instant();
        var label = touches.counts(task.prospectId()).nextLabel();
        var cancelled = task.cancel(now);
        tasks.update(task, cancelled.now(), now);
        events.publishEvent(cancelled.event());
        touches.insertWritten(
                UUID.randomUUID(),
                task.prospectId(),
                actor.id(),
                "NOTE",
                null,
                now,
                now,
                "Skipped " + label + ": " + why);
        if (task.enrolmentId() != null && task.stepN() != null) {
            enrolments.stepDone(task.enrolmentId(), task.stepN(), now);
        }
        return new Changed(task.id(), task.prospectId(), "SKIPPED", null, label);
    }

    /** The call waits until {@code until}, or the prospect's first legal moment after it. */
    @Transactional
    public Changed snooze(Actor actor, UUID taskId, OffsetDateTime until) {
        var task = open(actor, taskId);
        var now = clock.instant();
        if (until == null) {
            throw InvalidInput.of("until", "is required: the time to call, such as 2026-08-18T15:00:00-04:00");
        }
        if (!until.toInstant().isAfter(now)) {
            throw InvalidInput.of("until", "must be in the future");
        }
        if (until.toInstant().isAfter(now.plus(LONGEST_SNOOZE))) {
            throw InvalidInput.of("until", "must be within " + LONGEST_SNOOZE.toDays() + " days");
        }
        var prospect = prospects.byId(task.prospectId()).orElseThrow();
        var due = calendar.earliestLegal(until.toInstant(), prospect.place());
        var moved = task.retell(due, task.reason());
        tasks.update(task, moved, now);
        var label = touches.counts(task.prospectId()).nextLabel();
        return new Changed(task.id(), task.prospectId(), moved.status().name(), due, label);
    }

    /**
     * Brings the prospect's next open call (an appointment aside) forward as an inbound call due at
     * {@code due}, or opens one; the task's id.
     */
    public UUID raiseInbound(Prospect p, Instant due, String reason) {
        var now = clock.instant();
        var next = tasks.nextOpenCall(p.id());
        if (next.isPresent()) {
            var raised = next.get().raise(TaskKind.INBOUND, due, reason, p.fullName());
            tasks.update(next.get(), raised.now(), now);
            events.publishEvent(raised.event());
            return raised.now().id();
        }
        var taskId = tasks.open(
                new Tasks.Opening(p.id(), p.ownerId(), null, null, null, TaskKind.INBOUND, due, reason, null), now);
        events.publishEvent(new TaskRaised(taskId, p.id(), p.ownerId(), TaskKind.INBOUND, p.fullName(), reason, due));
        return taskId;
    }

    /**
     * Opens the prospect's one trigger call due at {@code due}, or retells the one open, due then or at its
     * own earlier time; the task's id.
     */
    public UUID raiseTrigger(Prospect p, Instant due, String reason) {
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

    private Task open(Actor actor, UUID taskId) {
        var task = tasks.find(taskId)
                .filter(t -> prospects.find(actor, t.prospectId()).isPresent())
                .orElseThrow(() -> Refusal.notFound("Task", taskId));
        if (!task.isOpen()) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Task already closed",
                            "Task " + task.id() + " is " + task.status().name().toLowerCase(java.util.Locale.ROOT)
                                    + " already: its call was logged, skipped or called off.")
                    .with("taskId", task.id());
        }
        if (task.kind() == TaskKind.APPOINTMENT) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "An appointment's call",
                            "This call is an appointment the prospect agreed to: move it or cancel it"
                                    + " (PATCH /api/v1/appointments/{id}) rather than skip or snooze it.")
                    .with("taskId", task.id());
        }
        return task;
    }
}
