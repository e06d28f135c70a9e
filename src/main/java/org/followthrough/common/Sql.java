package org.followthrough.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Binds and reads the types every table uses in a way both PostgreSQL and H2 (PostgreSQL mode)
 * accept: instants travel as UTC {@link OffsetDateTime}, ids as {@link UUID}.
 */
public final class Sql {

    private Sql() {}

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** Escapes a user's search text for a LIKE pattern with {@code escape '\'}. */
    public static String likeContains(String text) {
        var escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
