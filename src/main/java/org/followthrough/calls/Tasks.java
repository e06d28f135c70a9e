package org.followthrough.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.appointments.AppointmentCalls;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tasks table. A single task changes through its own lifecycle ({@link Task}); the few changes to
 * many tasks at once (a prospect's open calls cancelled, handed to another owner) touch open ones only,
 * the one state a task moves from. An appointment's call is a task in the queue: it moves and is
 * cancelled with the appointment ({@link AppointmentCalls}).
 */
@Repository
class Tasks implements AppointmentCalls {

    private static final String OPEN = Task.Status.OPEN.name();
    private static final String CANCELLED = Task.Status.CANCELLED.name();

    private final JdbcClient jdbc;
    private final org.followthrough.common.ManyValues many;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    Tasks(JdbcClient jdbc, org.followthrough.common.ManyValues many, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.many = many;
        this.batch = batch;
    }

    private static final String INSERT =
            """
            insert into tasks (id, prospect_id, owner_id, enrolment_id, step_n, appointment_id, kind, due_at, reason,
                template, status, created_at, open_trigger_for)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** An open task to be: a cadence's call, an appointment's, an inbound one, a trigger event's. */
    record Opening(
            UUID prospectId,
            UUID ownerId,
            UUID enrolmentId,
            Integer stepN,
            UUID appointmentId,
            TaskKind kind,
            Instant dueAt,
            String reason,
            String template) {

        private Object[] row(UUID id, Instant now) {
            return new Object[] {
                id,
                prospectId,
                ownerId,
                enrolmentId,
                stepN,
                appointmentId,
                kind.name(),
                Sql.ts(dueAt),
                reason,
                template,
                OPEN,
                Sql.ts(now),
                kind == TaskKind.TRIGGER ? prospectId : null
            };
        }
    }

    /** Opens one task; its id. */
    UUID open(Opening opening, Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql(INSERT).params(opening.row(id, now)).update();
        return id;
    }

    /** {@link #open} for many tasks, in one batch. */
    void openAll(List<Opening> openings, Instant now) {
        if (!openings.isEmpty()) {
            batch.batchUpdate(
                    INSERT,
                    openings.stream().map(o -> o.row(UUID.randomUUID(), now)).toList());
        }
    }

    Optional<Task> find(UUID id) {
        return jdbc.sql("select * from tasks where id = ?")
                .param(id)
                .query(Tasks::map)
                .optional();
    }

    List<Task> openFor(UUID prospectId) {
        return jdbc.sql("select * from tasks where prospect_id = ? and status = ? order by due_at")
                .params(prospectId, OPEN)
                .query(Tasks::map)
                .list();
    }

    /**
     * Stores a move of the task's life, made from {@code was}; refused when the task moved meanwhile
     * (its call logged twice at the same moment), so a call is never logged against a closed task.
     */
    Task update(Task was, Task now, Instant at) {
        int changed = jdbc.sql("update tasks set status = ?, kind = ?, due_at = ?, reason = ?,"
                        + " done_at = case when ? then ? else done_at end,"
                        + " open_trigger_for = case when ? then null else open_trigger_for end"
                        + " where id = ? and status = ?")
                .params(
                        now.status().name(),
                        now.kind().name(),
                        Sql.ts(now.dueAt()),
                        now.reason(),
                        !now.isOpen(),
                        Sql.ts(at),
                        !now.isOpen(),
                        was.id(),
                        was.status().name())
                .update();
        if (changed != 1) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Task already closed",
                            "Task " + was.id() + " was closed at the same moment: its call was logged or it was"
                                    + " called off. Leave taskId out, or send one of the prospect's open tasks.")
                    .with("taskId", was.id());
        }
        return now;
    }

    /** Calls off the open tasks that meet the condition that follows; its first parameter is the moment. */
    private static final String CANCEL = "update tasks set status = '" + CANCELLED
            + "', done_at = ?, open_trigger_for = null where status = '" + OPEN + "' and ";

    void cancelOpen(UUID prospectId, Instant now, boolean keepAppointments) {
        jdbc.sql(CANCEL + "prospect_id = ?" + (keepAppointments ? " and kind <> 'APPOINTMENT'" : ""))
                .params(Sql.ts(now), prospectId)
                .update();
    }

    /** The prospect's next open call that is not an appointment: the one an inquiry brings forward. */
    Optional<Task> nextOpenCall(UUID prospectId) {
        return firstOpen(prospectId, "kind <> 'APPOINTMENT'");
    }

    /** Ended or paused enrolments' open calls leave the queue, in one statement. */
    void cancelOpenOfAll(java.util.Collection<UUID> enrolmentIds, Instant now) {
        many.update(CANCEL + "enrolment_id = any(?)", "uuid", enrolmentIds, Sql.ts(now));
    }

    /** The open call task of an appointment follows it to its new time. */
    @Override
    public void moveAppointmentCall(UUID appointmentId, Instant dueAt, String reason) {
        jdbc.sql("update tasks set due_at = ?, reason = ? where appointment_id = ? and status = ?")
                .params(Sql.ts(dueAt), reason, appointmentId, OPEN)
                .update();
    }

    @Override
    public void cancelAppointmentCall(UUID appointmentId, Instant now) {
        jdbc.sql(CANCEL + "appointment_id = ?")
                .params(Sql.ts(now), appointmentId)
                .update();
    }

    /** The prospect's open trigger call, if one waits: a new trigger event updates it rather than doubling it. */
    Optional<Task> openTrigger(UUID prospectId) {
        return firstOpen(prospectId, "(kind = 'TRIGGER' or open_trigger_for is not null)");
    }

    /** The prospect's first open task, by due time, that meets the condition. */
    private Optional<Task> firstOpen(UUID prospectId, String condition) {
        return jdbc.sql("select * from tasks where prospect_id = ? and status = ? and " + condition
                        + " order by due_at fetch first 1 rows only")
                .params(prospectId, OPEN)
                .query(Tasks::map)
                .optional();
    }

    /**
     * Opens the prospect's trigger call unless one is open already (the unique open_trigger_for makes
     * this hold even for two events handled at once); the new task's id, or empty.
     */
    Optional<UUID> openTriggerIfNone(UUID prospectId, UUID ownerId, Instant dueAt, String reason, Instant now) {
        var id = UUID.randomUUID();
        var trigger = new Opening(prospectId, ownerId, null, null, null, TaskKind.TRIGGER, dueAt, reason, null);
        int inserted = jdbc.sql(INSERT + " on conflict do nothing")
                .params(trigger.row(id, now))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** The prospects' open calls follow them to their new owner, in one statement. */
    void reassignAll(java.util.Collection<UUID> prospectIds, UUID ownerId) {
        many.update(
                "update tasks set owner_id = ? where status = ? and prospect_id = any(?)",
                "uuid",
                prospectIds,
                ownerId,
                OPEN);
    }

    static Task map(ResultSet rs, int row) throws SQLException {
        return new Task(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "prospect_id"),
                Sql.uuid(rs, "owner_id"),
                Sql.uuid(rs, "enrolment_id"),
                (Integer) rs.getObject("step_n"),
                Sql.uuid(rs, "appointment_id"),
                TaskKind.valueOf(rs.getString("kind")),
                Sql.instant(rs, "due_at"),
                rs.getString("reason"),
                rs.getString("template"),
                Task.Status.valueOf(rs.getString("status")));
    }
}
