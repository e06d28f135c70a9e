package org.followthrough.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bulk_actions table and the prospects each action works through. */
@Repository
class BulkRows {

    /** A stored bulk action as it stands. */
    record Row(
            UUID id,
            BulkRequest.Action action,
            String request,
            UUID requestedBy,
            Instant requestedAt,
            String status,
            int total,
            int processed,
            int changed,
            int skipped,
            String skippedBy,
            Instant finishedAt) {}

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    BulkRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(UUID id, BulkRequest.Action action, String request, UUID by, Instant at, List<UUID> prospects) {
        jdbc.sql("insert into bulk_actions (id, action, request, requested_by, requested_at, status, total)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, action.name(), request, by, Sql.ts(at), RUNNING, prospects.size())
                .update();
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < prospects.size(); i++) {
            rows.add(new Object[] {id, i + 1, prospects.get(i)});
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate(
                    "insert into bulk_action_items (action_id, n, prospect_id) values (?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from bulk_actions where id = ?")
                .param(id)
                .query(BulkRows::map)
                .optional();
    }

    /** The latest actions, all of them or one member's. */
    List<Row> latest(UUID by, int limit) {
        return by == null
                ? jdbc.sql("select * from bulk_actions order by requested_at desc limit ?")
                        .param(limit)
                        .query(BulkRows::map)
                        .list()
                : jdbc.sql("select * from bulk_actions where requested_by = ? order by requested_at desc" + " limit ?")
                        .params(by, limit)
                        .query(BulkRows::map)
                        .list();
    }

    /** One prospect of an action, at its place in the order fixed when the action was asked for. */
    record Item(int n, UUID prospectId) {}

    /** The prospects after place {@code done}, in the order they were fixed (an erased one is gone). */
    List<Item> next(UUID id, int done, int count) {
        return jdbc.sql("select n, prospect_id from bulk_action_items where action_id = ? and n > ? order by n limit ?")
                .params(id, done, count)
                .query((rs, i) -> new Item(rs.getInt("n"), Sql.uuid(rs, "prospect_id")))
                .list();
    }

    /** Stores how far it got; only from where it was, so a run repeated after a crash counts nothing twice. */
    boolean progress(UUID id, int was, int processed, int changed, int skipped, String skippedBy) {
        return jdbc.sql("update bulk_actions set processed = ?, changed = changed + ?, skipped = skipped + ?,"
                                + " skipped_by = ? where id = ? and processed = ?")
                        .params(processed, changed, skipped, skippedBy, id, was)
                        .update()
                == 1;
    }

    /** Done: every place counted, those of people erased meanwhile too. */
    void finish(UUID id, Instant at) {
        jdbc.sql("update bulk_actions set status = ?, finished_at = ?, processed = total where id = ? and status = ?")
                .params(DONE, Sql.ts(at), id, RUNNING)
                .update();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(
                Sql.uuid(rs, "id"),
                BulkRequest.Action.valueOf(rs.getString("action")),
                rs.getString("request"),
                Sql.uuid(rs, "requested_by"),
                Sql.instant(rs, "requested_at"),
                rs.getString("status"),
                rs.getInt("total"),
                rs.getInt("processed"),
                rs.getInt("changed"),
                rs.getInt("skipped"),
                rs.getString("skipped_by"),
                Sql.instant(rs, "finished_at"));
    }
}
