package org.followthrough.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The enrolments table. A running enrolment carries its prospect's id in {@code active_prospect_id},
 * unique with the cadence (each cadence at most once at a time), and, unless it runs alongside the
 * others, in {@code exclusive_prospect_id}, whose unique index keeps one such running cadence per
 * prospect.
 */
@Repository
class EnrolmentRows {

    private static final String ACTIVE = Enrolment.Status.ACTIVE.name();

    private final JdbcClient jdbc;
    private final org.followthrough.common.ManyValues many;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    EnrolmentRows(
            JdbcClient jdbc,
            org.followthrough.common.ManyValues many,
            org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.many = many;
        this.batch = batch;
    }

    private static final String INSERT =
            "insert into enrolments (id, prospect_id, cadence_key, started_at, last_done_n, last_done_at, status,"
                    + " active_prospect_id, alongside, exclusive_prospect_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] inserted(Enrolment e) {
        return new Object[] {
            e.id(),
            e.prospectId(),
            e.cadenceKey(),
            Sql.ts(e.startedAt()),
            e.lastDoneN(),
            Sql.ts(e.lastDoneAt()),
            e.status().name(),
            e.isRunning() ? e.prospectId() : null,
            e.alongside(),
            e.isRunning() && !e.alongside() ? e.prospectId() : null
        };
    }

    /** {@link #insert} for many enrolments, in one batch. */
    void insertAll(java.util.List<Enrolment> enrolments) {
        if (!enrolments.isEmpty()) {
            batch.batchUpdate(
                    INSERT, enrolments.stream().map(EnrolmentRows::inserted).toList());
        }
    }

    private static final String UPDATE =
            """
            update enrolments set last_done_n = ?, last_done_at = ?, waiting_step = ?, waiting_until = ?, status = ?,
                active_prospect_id = ?, exclusive_prospect_id = ?, ended_at = coalesce(?, ended_at),
                end_reason = coalesce(?, end_reason), ended_by = coalesce(?, ended_by), paused_at = ?, pause_reason = ?,
                resume_at = ?
            where id = ? and status = ?""";

    private static Object[] updated(Move move, Instant at) {
        var now = move.now();
        return new Object[] {
            now.lastDoneN(),
            Sql.ts(now.lastDoneAt()),
            now.waitingStep(),
            Sql.ts(now.waitingUntil()),
            now.status().name(),
            now.isRunning() ? now.prospectId() : null,
            now.isRunning() && !now.alongside() ? now.prospectId() : null,
            now.isRunning() ? null : Sql.ts(at),
            now.isRunning() ? null : move.endReason(),
            move.endedBy(),
            now.pause() == null ? null : Sql.ts(now.pause().at()),
            now.pause() == null ? null : now.pause().reason(),
            now.pause() == null ? null : Sql.ts(now.pause().until()),
            move.was().id(),
            move.was().status().name()
        };
    }

    /** A move of one enrolment's life, as {@link #update} stores it; {@code endedBy}: the member who ended it by hand. */
    record Move(Enrolment was, Enrolment now, String endReason, UUID endedBy) {}

    /**
     * {@link #update} for many enrolments at {@code at}, in one batch; refused, as a whole, when one of them
     * moved meanwhile.
     */
    void updateAll(java.util.List<Move> moves, Instant at) {
        if (moves.isEmpty()) {
            return;
        }
        int[] changed = batch.batchUpdate(
                UPDATE, moves.stream().map(m -> updated(m, at)).toList());
        for (int n : changed) {
            // a driver may answer "done, count unknown" (SUCCESS_NO_INFO, -2) for a batched statement
            if (n != 1 && n != java.sql.Statement.SUCCESS_NO_INFO) {
                throw changedMeanwhile();
            }
        }
    }

    /**
     * The steps done in each prospect's latest time in the cadence, read at once: by prospect, those with no
     * time in it left out. The latest time is the running one first, then by the end (one not ended first),
     * then the most done.
     */
    java.util.Map<UUID, Integer> lastDoneInAll(java.util.Collection<UUID> prospectIds, String cadenceKey) {
        var latest = new java.util.HashMap<UUID, Integer>();
        many.query(
                "select prospect_id, cadence_key, last_done_n from enrolments where prospect_id = any(?) order by"
                        + " case when status = '" + ACTIVE + "' then 0 else 1 end, ended_at desc nulls first,"
                        + " last_done_n desc",
                "uuid",
                prospectIds,
                rs -> {
                    if (cadenceKey.equals(rs.getString("cadence_key"))) {
                        latest.putIfAbsent(Sql.uuid(rs, "prospect_id"), rs.getInt("last_done_n"));
                    }
                });
        return latest;
    }

    private static Refusal changedMeanwhile() {
        return new Refusal(
                HttpStatus.CONFLICT,
                "Cadence changed meanwhile",
                "The prospect's cadence changed at the same moment; read the prospect again and retry.");
    }

    /**
     * Stores a move of the enrolment's life, made from {@code was}; {@code endReason} and {@code at}
     * say why and when it ended, if it did. Refused when it moved meanwhile.
     */
    Enrolment update(Enrolment was, Enrolment now, String endReason, Instant at) {
        updateAll(java.util.List.of(new Move(was, now, endReason, null)), at);
        return now;
    }

    /**
     * Every running enrolment of many prospects, by prospect, each list as {@link #allRunning} orders
     * it (the exclusive one first); prospects in none are left out.
     */
    java.util.Map<UUID, java.util.List<Enrolment>> runningOf(java.util.Collection<UUID> prospectIds) {
        var running = new java.util.HashMap<UUID, java.util.List<Enrolment>>();
        many.query(
                "select * from enrolments where active_prospect_id = any(?) order by alongside, started_at, id",
                "uuid",
                prospectIds,
                rs -> {
                    var e = map(rs, 0);
                    running.computeIfAbsent(e.prospectId(), id -> new java.util.ArrayList<>())
                            .add(e);
                });
        return running;
    }

    /** Those of these prospects that were ever in a cadence. */
    java.util.Set<UUID> everEnrolled(java.util.Collection<UUID> prospectIds) {
        var enrolled = new java.util.HashSet<UUID>();
        many.query(
                "select prospect_id from enrolments where prospect_id = any(?)",
                "uuid",
                prospectIds,
                rs -> enrolled.add(Sql.uuid(rs, "prospect_id")));
        return enrolled;
    }

    /** Every running enrolment of the prospect: the exclusive one first, then those alongside by start. */
    java.util.List<Enrolment> allRunning(UUID prospectId) {
        return runningOf(java.util.List.of(prospectId)).getOrDefault(prospectId, java.util.List.of());
    }

    /** The enrolment of that id, if it is in that state. */
    Optional<Enrolment> find(UUID id, Enrolment.Status status) {
        return jdbc.sql("select * from enrolments where id = ? and status = ?")
                .params(id, status.name())
                .query(EnrolmentRows::map)
                .optional();
    }

    /** The cadence of an enrolment, running or ended. */
    Optional<String> cadenceOf(UUID enrolmentId) {
        return jdbc.sql("select cadence_key from enrolments where id = ?")
                .param(enrolmentId)
                .query(String.class)
                .optional();
    }

    /**
     * Those of these prospects in no cadence because a member took them out of their last one by hand (one
     * at a time or in bulk) and nothing started since, read together so that however many a bulk action
     * took out, they cost one query. When the engine ended one at the same moment, the member's decision is
     * what counts.
     */
    java.util.Set<UUID> takenOutByHand(java.util.Collection<UUID> prospectIds) {
        // each prospect's first row decides: a cadence still running (its step lost) is not a decision but a
        // lead to plan for; else the latest to end, the member's first when the engine's ended at the same moment
        var byHand = new java.util.HashMap<UUID, Boolean>();
        many.query(
                "select prospect_id, ended_at, ended_by, active_prospect_id from enrolments where prospect_id = any(?)"
                        + " order by case when active_prospect_id is not null or ended_at is null then 0 else 1 end,"
                        + " ended_at desc, case when ended_by is not null then 0 else 1 end",
                "uuid",
                prospectIds,
                rs -> byHand.putIfAbsent(
                        Sql.uuid(rs, "prospect_id"),
                        rs.getObject("active_prospect_id") == null
                                && rs.getObject("ended_at") != null
                                && rs.getObject("ended_by") != null));
        var taken = new java.util.HashSet<UUID>(byHand.keySet());
        taken.removeIf(id -> !byHand.get(id));
        return taken;
    }

    void stopEmails(UUID id, String reason, Instant at) {
        jdbc.sql("update enrolments set emails_stopped_at = coalesce(emails_stopped_at, ?), emails_stopped_reason ="
                        + " coalesce(emails_stopped_reason, ?) where id = ?")
                .params(Sql.ts(at), reason, id)
                .update();
    }

    boolean emailsStopped(UUID id) {
        return jdbc.sql("select count(*) from enrolments where id = ? and emails_stopped_at is not null")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static Enrolment map(ResultSet rs, int row) throws SQLException {
        return new Enrolment(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "prospect_id"),
                rs.getString("cadence_key"),
                Sql.instant(rs, "started_at"),
                rs.getInt("last_done_n"),
                Sql.instant(rs, "last_done_at"),
                (Integer) rs.getObject("waiting_step"),
                Sql.instant(rs, "waiting_until"),
                Enrolment.Status.valueOf(rs.getString("status")),
                rs.getString("pause_reason") == null
                        ? null
                        : new Enrolment.Pause(
                                rs.getString("pause_reason"),
                                Sql.instant(rs, "paused_at"),
                                Sql.instant(rs, "resume_at")),
                rs.getBoolean("alongside"));
    }
}
