package org.followthrough.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.followthrough.common.Sql;

/** Reads outbox rows. */
final class OutboxRows {

    static final String SELECT =
            """
            select id, message_id, dedupe_key, prospect_id, to_address, subject, status, due_at, attempts,
                   next_attempt_at, last_error, sent_at, ics_method, expires_at
            from outbox
            """;

    private OutboxRows() {}

    static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(
                Sql.uuid(rs, "id"),
                rs.getString("message_id"),
                rs.getString("dedupe_key"),
                Sql.uuid(rs, "prospect_id"),
                rs.getString("to_address"),
                rs.getString("subject"),
                EmailStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "due_at"),
                rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                Sql.instant(rs, "sent_at"),
                rs.getString("ics_method") != null,
                Sql.instant(rs, "expires_at"));
    }
}
