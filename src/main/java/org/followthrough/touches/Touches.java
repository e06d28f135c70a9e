package org.followthrough.touches;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.ManyValues;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The touches table: every call, email and voicemail with a prospect. Other modules read a prospect's
 * recent calls and record a reply through its public methods.
 */
@Repository
public class Touches {

    /** The label of a call made for an appointment, and of no other. */
    public static final String APPOINTMENT_LABEL = "Appointment";

    /**
     * How a connected call closed the prospect (R13): the stage, the reason given, whether the
     * prospect said no, whether giving up early was confirmed, and the follow-ups there had been.
     */
    public record Closed(String stage, String reason, boolean prospectSaidNo, boolean confirmed, int followUps) {}

    /** One touch as the timeline shows it. */
    public record Touch(
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
            Long latenessSeconds,
            Closed closed) {}

    private final JdbcClient jdbc;
    private final ManyValues many;

    Touches(JdbcClient jdbc, ManyValues many) {
        this.jdbc = jdbc;
        this.many = many;
    }

    public Attempts counts(UUID prospectId) {
        return counts(List.of(prospectId)).getOrDefault(prospectId, Attempts.NONE);
    }

    /**
     * The counts of many prospects in one query (the queue shows up to 500 tasks), so a long queue
     * costs one round trip, not one per task.
     */
    public Map<UUID, Attempts> counts(Collection<UUID> prospectIds) {
        var result = new HashMap<UUID, Attempts>();
        var ids = List.copyOf(new LinkedHashSet<>(prospectIds));
        for (int from = 0; from < ids.size(); from += 500) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            var marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.sql("select prospect_id, outcome from touches where kind = 'CALL' and prospect_id in (" + marks
                            + ") order by prospect_id, at, logged_at")
                    .params(chunk.toArray())
                    .query(rs -> {
                        var outcome = rs.getString("outcome");
                        result.merge(
                                Sql.uuid(rs, "prospect_id"),
                                Attempts.NONE.after(outcome),
                                (sofar, one) -> sofar.after(outcome));
                    });
        }
        return result;
    }

    public void insert(
            UUID id,
            UUID prospectId,
            UUID memberId,
            LogCall call,
            String label,
            Instant at,
            Instant now,
            UUID taskId,
            UUID appointmentId,
            Long latenessSeconds,
            LogCall.NextStep end,
            int followUps) {
        jdbc.sql(
                        """
                insert into touches (id, prospect_id, member_id, kind, outcome, label, at, logged_at, duration_seconds,
                    notes, pains, gains, promises, objection_category, objection_text, task_id, appointment_id,
                    lateness_seconds, next_stage, next_stage_reason, prospect_said_no, confirmed_giving_up, follow_ups)
                values (?, ?, ?, 'CALL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
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
                        join(call.promises()),
                        objectionCategory(call.objection()),
                        call.objection() == null ? null : call.objection().cleanText(),
                        taskId,
                        appointmentId,
                        latenessSeconds,
                        end == null ? null : end.stage().toUpperCase(java.util.Locale.ROOT),
                        end == null ? null : end.reason(),
                        end == null ? null : Boolean.TRUE.equals(end.prospectSaidNo()),
                        end == null ? null : Boolean.TRUE.equals(call.confirm()),
                        end == null ? null : followUps)
                .update();
    }

    /**
     * A touch the rep wrote down: a note ({@code NOTE}) or an email they sent themselves ({@code EMAIL}),
     * with its label where it has one.
     */
    public void insertWritten(
            UUID id, UUID prospectId, UUID memberId, String kind, String label, Instant at, Instant now, String text) {
        jdbc.sql("insert into touches (id, prospect_id, member_id, kind, label, at, logged_at, notes)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, prospectId, memberId, kind, label, Sql.ts(at), Sql.ts(now), text)
                .update();
    }

    /** Stored as the category's name (OTHER when left out), or null when no objection was raised. */
    private static String objectionCategory(LogCall.Objection objection) {
        if (objection == null || objection.isEmpty()) {
            return null;
        }
        var category = objection.categoryOrOther();
        return category == null ? null : category.name();
    }

    /** When the team last touched the prospect (call, email, voicemail), if ever. */
    public java.util.Optional<java.time.Instant> lastAt(UUID prospectId) {
        return jdbc.sql("select max(at) as last_at from touches where prospect_id = ? and kind <> 'NOTE'")
                .param(prospectId)
                .query((rs, i) -> Sql.instant(rs, "last_at"))
                .optional();
    }

    /** A call's outcome for the intent score. */
    public record Outcome(UUID touchId, UUID prospectId, String outcome, Instant at) {}

    /** The prospects with a logged call since {@code since}, latest first, at most {@code limit}. */
    public List<UUID> calledSince(Instant since, int limit) {
        return jdbc.sql("select prospect_id from touches where kind = 'CALL' and outcome is not null and at >= ?"
                        + " group by prospect_id order by max(at) desc fetch first " + limit + " rows only")
                .param(Sql.ts(since))
                .query(UUID.class)
                .list();
    }

    /** The calls with an outcome to these prospects since {@code since}, latest first. */
    public List<Outcome> callsSince(java.util.Collection<UUID> prospectIds, Instant since) {
        if (prospectIds.isEmpty()) {
            return List.of();
        }
        var marks = String.join(",", java.util.Collections.nCopies(prospectIds.size(), "?"));
        var params = new java.util.ArrayList<Object>(prospectIds);
        params.add(Sql.ts(since));
        return jdbc.sql("select id, prospect_id, outcome, at from touches where prospect_id in (" + marks
                        + ") and kind = 'CALL' and outcome is not null and at >= ? order by at desc")
                .params(params)
                .query((rs, i) -> new Outcome(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "prospect_id"),
                        rs.getString("outcome"),
                        Sql.instant(rs, "at")))
                .list();
    }

    public List<Touch> of(UUID prospectId) {
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
                        (Long) rs.getObject("lateness_seconds"),
                        rs.getString("next_stage") == null
                                ? null
                                : new Closed(
                                        rs.getString("next_stage"),
                                        rs.getString("next_stage_reason"),
                                        rs.getBoolean("prospect_said_no"),
                                        rs.getBoolean("confirmed_giving_up"),
                                        rs.getInt("follow_ups"))))
                .list();
    }

    /** What the last connected call left: its pains, gains and promises (R14). */
    public record Conversation(List<String> pains, List<String> gains, List<String> promises) {
        static final Conversation NONE = new Conversation(List.of(), List.of(), List.of());
    }

    /** What was said on the prospect's last connected call. */
    public Conversation lastConversation(UUID prospectId) {
        return jdbc.sql("select pains, gains, promises from touches where prospect_id = ? and kind = 'CALL'"
                        + " and outcome = 'CONNECTED' order by at desc, logged_at desc fetch first 1 rows only")
                .param(prospectId)
                .query((rs, i) -> new Conversation(
                        split(rs.getString("pains")), split(rs.getString("gains")), split(rs.getString("promises"))))
                .optional()
                .orElse(Conversation.NONE);
    }

    /** Those of these prospects the member has spoken with (a connected call). */
    public java.util.Set<UUID> spokenWith(Collection<UUID> prospectIds, UUID memberId) {
        var spoken = new java.util.HashSet<UUID>();
        many.query(
                "select distinct prospect_id, member_id from touches where kind = 'CALL' and outcome = 'CONNECTED'"
                        + " and prospect_id = any(?)",
                "uuid",
                prospectIds,
                rs -> {
                    if (memberId.equals(rs.getObject(2, UUID.class))) {
                        spoken.add(rs.getObject(1, UUID.class));
                    }
                });
        return spoken;
    }

    /** An email the prospect sent us, recorded once per message; false if it was already. */
    public boolean insertEmailReceived(UUID id, UUID prospectId, String summary, Instant at, Instant now) {
        return jdbc.sql("insert into touches (id, prospect_id, kind, outcome, label, at, logged_at, notes)"
                                + " values (?, ?, 'EMAIL', 'REPLIED', 'Reply', ?, ?, ?) on conflict do nothing")
                        .params(id, prospectId, Sql.ts(at), Sql.ts(now), summary)
                        .update()
                > 0;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split("\n"));
    }

    private static String join(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join("\n", items);
    }
}
