package org.followthrough.prospects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imports table: one row per uploaded file and its progress, and the rows each rejected. */
@Repository
class ImportJobs {

    static final int ERRORS_SHOWN = 100;
    static final int ERRORS_KEPT = 100_000;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    ImportJobs(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    void start(UUID id, UUID memberId, String fileName, long bytes, Instant now) {
        jdbc.sql("insert into imports (id, member_id, file_name, status, bytes_total, created_at)"
                        + " values (?, ?, ?, 'RUNNING', ?, ?)")
                .params(id, memberId, fileName, bytes, Sql.ts(now))
                .update();
    }

    void describe(UUID id, String format, List<String> mapped, List<String> ignored) {
        jdbc.sql("update imports set format = ?, mapped_columns = ?, ignored_columns = ? where id = ?")
                .params(format, cut(String.join("\n", mapped)), cut(String.join("\n", ignored)), id)
                .update();
    }

    void progress(UUID id, long processed, long created, long updated, long rejected, long bytesRead) {
        jdbc.sql(
                        """
                update imports set processed = processed + ?, imported = imported + ?, updated = updated + ?,
                    rejected = rejected + ?, bytes_read = ? where id = ?""")
                .params(processed, created, updated, rejected, bytesRead, id)
                .update();
    }

    /** Keeps the rejected rows of a batch, up to {@link #ERRORS_KEPT} per import; {@code kept} is how many so far. */
    int rejected(UUID id, List<ImportBatch.RowError> errors, int kept) {
        var room = (int) Math.max(0, Math.min(errors.size(), ERRORS_KEPT - kept));
        if (room == 0) {
            return 0;
        }
        var rows = errors.subList(0, room).stream()
                .map(e -> new Object[] {
                    id, e.row(), cut(e.column(), 200), cut(e.message(), 1000), e.email(), e.phoneDigits()
                })
                .toList();
        batch.batchUpdate(
                "insert into import_errors (import_id, row_no, column_name, message, email, phone_digits)"
                        + " values (?, ?, ?, ?, ?, ?)",
                rows);
        return room;
    }

    /**
     * Forgets the rejected rows about an erased person: those whose email or phone digits are theirs, and
     * (for rows kept before those were recorded) those whose message quotes their email or phone.
     */
    void forgetRowsAbout(String email, String phoneE164, String nationalDigits) {
        var where = new java.util.ArrayList<String>();
        var params = new java.util.ArrayList<Object>();
        if (email != null) {
            where.add("email = ? or lower(message) like ? escape '\\'");
            params.addAll(List.of(email, Sql.likeContains(email)));
        }
        if (phoneE164 != null) {
            where.add("phone_digits = ? or message like ? escape '\\'");
            params.addAll(List.of(phoneE164.substring(1), Sql.likeContains(phoneE164)));
        }
        if (nationalDigits != null) {
            where.add("phone_digits = ? or message like ? escape '\\'");
            params.addAll(List.of(nationalDigits, Sql.likeContains(nationalDigits)));
        }
        if (!where.isEmpty()) {
            jdbc.sql("delete from import_errors where " + String.join(" or ", where))
                    .params(params)
                    .update();
        }
    }

    void finish(UUID id, String status, String failure, Instant now) {
        jdbc.sql("update imports set status = ?, failure = ?, finished_at = ?, bytes_read = bytes_total where id = ?")
                .params(status, cut(failure, 1000), Sql.ts(now), id)
                .update();
    }

    /** An import still marked running, with what it stored so far. */
    record Running(UUID id, long imported, long updated) {}

    List<Running> running() {
        return jdbc.sql("select id, imported, updated from imports where status = 'RUNNING'")
                .query((rs, i) -> new Running(Sql.uuid(rs, "id"), rs.getLong("imported"), rs.getLong("updated")))
                .list();
    }

    /** An import a crashed or stopped server left running cannot finish: say so, so nobody waits. */
    boolean abandon(UUID id, Instant now) {
        return jdbc.sql(
                                "update imports set status = 'FAILED', finished_at = ?, failure = ? where id = ? and status = 'RUNNING'")
                        .params(
                                Sql.ts(now),
                                "The server stopped during this import. Import the file again: rows already imported"
                                        + " are updated, never duplicated.",
                                id)
                        .update()
                > 0;
    }

    Optional<ImportStatus> find(UUID id) {
        return jdbc.sql("select * from imports where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    void errors(UUID id, Consumer<ImportStatus.RowError> sink) {
        jdbc.sql("select row_no, column_name, message from import_errors where import_id = ? order by row_no")
                .param(id)
                .query(rs -> {
                    sink.accept(new ImportStatus.RowError(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
    }

    private ImportStatus map(ResultSet rs, int row) throws SQLException {
        var id = Sql.uuid(rs, "id");
        var errors = jdbc.sql("select row_no, column_name, message from import_errors where import_id = ?"
                        + " order by row_no limit " + ERRORS_SHOWN)
                .param(id)
                .query((r, i) -> new ImportStatus.RowError(r.getLong(1), r.getString(2), r.getString(3)))
                .list();
        var status = rs.getString("status");
        long processed = rs.getLong("processed");
        long bytesRead = rs.getLong("bytes_read");
        long bytesTotal = rs.getLong("bytes_total");
        boolean running = status.equals("RUNNING");
        long total = running && bytesRead > 0 ? Math.max(processed, processed * bytesTotal / bytesRead) : processed;
        return new ImportStatus(
                id,
                Sql.uuid(rs, "member_id"),
                rs.getString("file_name"),
                status,
                total,
                running,
                processed,
                rs.getLong("imported"),
                rs.getLong("updated"),
                rs.getLong("rejected"),
                bytesRead,
                bytesTotal,
                rs.getString("format"),
                lines(rs.getString("mapped_columns")),
                lines(rs.getString("ignored_columns")),
                rs.getString("failure"),
                errors,
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "finished_at"));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static String cut(String text) {
        return cut(text, 4000);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
