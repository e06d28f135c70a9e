package org.followthrough.prospects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The other emails and phones of a prospect, and the ids their source CRMs gave them: what an import
 * keeps beyond the main email and phone, so nothing valid a file carried is lost.
 */
@Repository
class ContactPoints {

    /** An email, phone (E.164) or source CRM id of a prospect, with the layout of the file it came from. */
    record Point(String kind, String value, String label) {}

    private final JdbcClient jdbc;

    ContactPoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Point> of(UUID prospectId) {
        return jdbc.sql("select kind, value_text, label from prospect_contact_points where prospect_id = ?"
                        + " order by kind, created_at, value_text")
                .param(prospectId)
                .query((rs, i) -> new Point(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The rows to insert for a kept import row: its other emails and phones and its source id. */
    static List<Object[]> rows(UUID prospectId, ImportBatch.Keep keep, String layout, Instant now) {
        var rows = new ArrayList<Object[]>();
        var at = Sql.ts(now);
        keep.otherEmails().forEach(e -> rows.add(new Object[] {prospectId, "EMAIL", e, layout, at}));
        keep.otherPhones().forEach(p -> rows.add(new Object[] {prospectId, "PHONE", p, layout, at}));
        var source = keep.sourceId();
        if (source != null && source.length() <= 254) {
            rows.add(new Object[] {prospectId, "CRM_ID", source, layout, at});
        }
        return rows;
    }

    static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // a file imported again finds the points it stored before: they stay as they are
        jdbc.batchUpdate(
                "insert into prospect_contact_points (prospect_id, kind, value_text, label, created_at)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                rows);
    }
}
