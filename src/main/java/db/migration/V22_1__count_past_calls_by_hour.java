package db.migration;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Counts the calls logged before {@code call_hours} existed, as logging them would have: by the hour
 * they were made in, the prospect's local weekday and hour, and the FTC attempt. The local time is
 * worked out here rather than in SQL, which PostgreSQL and H2 spell differently.
 */
public class V22_1__count_past_calls_by_hour extends BaseJavaMigration {

    private record Key(UUID member, OffsetDateTime hour, int weekday, int localHour, int attempt) {}

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        var counts = new HashMap<Key, int[]>();
        try (var statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (var rows = statement.executeQuery(
                    "select t.member_id, t.at, t.label, t.outcome, p.time_zone from touches t"
                            + " join prospects p on p.id = t.prospect_id where t.kind = 'CALL' and t.member_id is not null")) {
                while (rows.next()) {
                    var at = rows.getObject(2, OffsetDateTime.class).toInstant();
                    var local = at.atZone(ZoneId.of(rows.getString(5)));
                    var key = new Key(
                            rows.getObject(1, UUID.class),
                            at.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                            local.getDayOfWeek().getValue(),
                            local.getHour(),
                            attempt(rows.getString(3)));
                    var sums = counts.computeIfAbsent(key, k -> new int[2]);
                    sums[0]++;
                    sums[1] += "CONNECTED".equals(rows.getString(4)) ? 1 : 0;
                }
            }
        }
        try (var insert =
                connection.prepareStatement("insert into call_hours (member_id, hour_start, weekday, local_hour,"
                        + " attempt, calls, connected) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (var e : counts.entrySet()) {
                var k = e.getKey();
                insert.setObject(1, k.member());
                insert.setObject(2, k.hour());
                insert.setInt(3, k.weekday());
                insert.setInt(4, k.localHour());
                insert.setInt(5, k.attempt());
                insert.setInt(6, e.getValue()[0]);
                insert.setInt(7, e.getValue()[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int attempt(String label) {
        if (label == null || !label.matches("FTC #\\d{1,4}")) {
            return 0;
        }
        return Integer.parseInt(label.substring(5));
    }
}
