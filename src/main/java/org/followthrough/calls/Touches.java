package org.followthrough.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The touches table: every call, email and voicemail with a prospect. */
@Repository
class Touches {

    /** One touch as the timeline shows it. */
    record Touch(
            UUID id,
            String kind,
            String outcome,
            String label,
            Instant at,
            UUID memberId,
            String notes,
            String pains,
            String gains,
            String objectionCategory,
            Long latenessSeconds) {}

    /** How many calls came before and after the first connection (R5). */
    record Counts(int beforeConnection, int afterConnection, boolean connected) {}

    private final JdbcClient jdbc;

    Touches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts counts(UUID prospectId) {
        var calls = jdbc.sql(
                        "select outcome from touches where prospect_id = ? and kind = 'CALL' order by at, logged_at")
                .param(prospectId)
                .query(String.class)
                .list();
        int before = 0;
        int after = 0;
        boolean connected = false;
        for (var outcome : calls) {
            if (connected) {
                after++;
            } else {
                before++;
                connected = "CONNECTED".equals(outcome);
            }
        }
        return new Counts(before, after, connected);
    }

    void insert(
            UUID id,
            UUID prospectId,
            UUID memberId,
            LogCall call,
            String label,
            Instant at,
            Instant now,
            UUID taskId,
            UUID appointmentId,
            Long latenessSeconds) {
        jdbc.sql(
                        """
                insert into touches (id, prospect_id, member_id, kind, outcome, label, at, logged_at, duration_seconds,
                    notes, pains, gains, objection_category, objection_text, task_id, appointment_id, lateness_seconds)
                values (?, ?, ?, 'CALL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        prospectId,
                        memberId,
                        call.outcome().name(),
                        label,
                        Sql.ts(at),
                        Sql.ts(now),
                        call.durationSeconds(),
                        call.notes(),
                        join(call.pains()),
                        join(call.gains()),
                        call.objection() == null ? null : call.objection().category(),
                        call.objection() == null ? null : call.objection().text(),
                        taskId,
                        appointmentId,
                        latenessSeconds)
                .update();
    }

    List<Touch> of(UUID prospectId) {
        return jdbc.sql("select * from touches where prospect_id = ? order by at desc, logged_at desc")
                .param(prospectId)
                .query((rs, i) -> new Touch(
                        Sql.uuid(rs, "id"),
                        rs.getString("kind"),
                        rs.getString("outcome"),
                        rs.getString("label"),
                        Sql.instant(rs, "at"),
                        Sql.uuid(rs, "member_id"),
                        rs.getString("notes"),
                        rs.getString("pains"),
                        rs.getString("gains"),
                        rs.getString("objection_category"),
                        (Long) rs.getObject("lateness_seconds")))
                .list();
    }

    private static String join(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join("\n", items);
    }
}
