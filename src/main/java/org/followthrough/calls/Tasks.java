package org.followthrough.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks table. */
@Repository
class Tasks {

    private final JdbcClient jdbc;

    Tasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID open(
            UUID prospectId,
            UUID ownerId,
            UUID enrolmentId,
            Integer stepN,
            UUID appointmentId,
            TaskKind kind,
            Instant dueAt,
            String reason,
            String template,
            Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql(
                        """
                insert into tasks (id, prospect_id, owner_id, enrolment_id, step_n, appointment_id, kind, due_at, reason,
                    template, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(
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
                        Sql.ts(now))
                .update();
        return id;
    }

    Optional<Task> find(UUID id) {
        return jdbc.sql("select * from tasks where id = ?")
                .param(id)
                .query(Tasks::map)
                .optional();
    }

    List<Task> openFor(UUID prospectId) {
        return jdbc.sql("select * from tasks where prospect_id = ? and status = 'OPEN' order by due_at")
                .param(prospectId)
                .query(Tasks::map)
                .list();
    }

    void done(UUID id, Instant at) {
        jdbc.sql(
                        "update tasks set status = 'DONE', done_at = ?, open_trigger_for = null where id = ? and status = 'OPEN'")
                .params(Sql.ts(at), id)
                .update();
    }

    int cancelOpen(UUID prospectId, Instant now, boolean keepAppointments) {
        return jdbc.sql(
                        "update tasks set status = 'CANCELLED', done_at = ?, open_trigger_for = null where prospect_id = ? and status = 'OPEN'"
                                + (keepAppointments ? " and kind <> 'APPOINTMENT'" : ""))
                .params(Sql.ts(now), prospectId)
                .update();
    }

    /**
     * Brings the prospect's next call (the open cadence call) forward as a {@code kind} task due at
     * {@code dueAt}, so the cadence goes on from it once it is logged; the task's id, or null if none is open.
     */
    UUID raise(UUID prospectId, TaskKind kind, Instant dueAt, String reason) {
        var open = jdbc.sql("select id from tasks where prospect_id = ? and status = 'OPEN' and kind <> 'APPOINTMENT'"
                        + " order by due_at fetch first 1 rows only")
                .param(prospectId)
                .query(UUID.class)
                .optional();
        open.ifPresent(id -> jdbc.sql("update tasks set kind = ?, due_at = ?, reason = ? where id = ?")
                .params(kind.name(), Sql.ts(dueAt), reason, id)
                .update());
        return open.orElse(null);
    }

    /** The open call task of an appointment follows it to its new time. */
    void moveAppointmentCall(UUID appointmentId, Instant dueAt, String reason) {
        jdbc.sql("update tasks set due_at = ?, reason = ? where appointment_id = ? and status = 'OPEN'")
                .params(Sql.ts(dueAt), reason, appointmentId)
                .update();
    }

    void cancelAppointmentCall(UUID appointmentId, Instant now) {
        jdbc.sql("update tasks set status = 'CANCELLED', done_at = ? where appointment_id = ? and status = 'OPEN'")
                .params(Sql.ts(now), appointmentId)
                .update();
    }

    /** The prospect's open trigger call, if one waits: a new trigger event updates it rather than doubling it. */
    Optional<Task> openTrigger(UUID prospectId) {
        return jdbc.sql("select * from tasks where prospect_id = ? and status = 'OPEN'"
                        + " and (kind = 'TRIGGER' or open_trigger_for is not null)"
                        + " order by due_at fetch first 1 rows only")
                .param(prospectId)
                .query(Tasks::map)
                .optional();
    }

    /**
     * Opens the prospect's trigger call unless one is open already (the unique open_trigger_for makes
     * this hold even for two events handled at once); the new task's id, or empty.
     */
    Optional<UUID> openTriggerIfNone(UUID prospectId, UUID ownerId, Instant dueAt, String reason, Instant now) {
        var id = UUID.randomUUID();
        int inserted = jdbc.sql(
                        """
                insert into tasks (id, prospect_id, owner_id, kind, due_at, reason, status, created_at, open_trigger_for)
                values (?, ?, ?, 'TRIGGER', ?, ?, 'OPEN', ?, ?)
                on conflict do nothing""")
                .params(id, prospectId, ownerId, Sql.ts(dueAt), reason, Sql.ts(now), prospectId)
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    void retell(UUID id, Instant dueAt, String reason) {
        jdbc.sql("update tasks set due_at = ?, reason = ? where id = ?")
                .params(Sql.ts(dueAt), reason, id)
                .update();
    }

    void reassign(UUID prospectId, UUID ownerId) {
        jdbc.sql("update tasks set owner_id = ? where prospect_id = ? and status = 'OPEN'")
                .params(ownerId, prospectId)
                .update();
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
                rs.getString("status"));
    }
}
