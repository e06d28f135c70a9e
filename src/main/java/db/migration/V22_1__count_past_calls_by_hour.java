package db.migration;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Counts the calls logged before {@code call_hours} existed, as logging them would have: by the hour
 * they were made in, the prospect's local weekday and hour, and the attempt ({@link #attempt}).
 * The local time is worked out here rather than in SQL, which PostgreSQL and H2 spell differently. The
 * calls are read in order of member and time, so only one member's hour is held in memory at once,
 * however many calls there are.
 */
public class V22_1__count_past_calls_by_hour extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    private record Key(UUID member, OffsetDateTime hour, int weekday, int localHour, int attempt) {}

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        try (var statement = connection.createStatement();
                var insert = connection.prepareStatement("insert into call_hours (member_id, hour_start, weekday,"
                        + " local_hour, attempt, calls, connected) values (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setFetchSize(10_000);
            var hour = new LinkedHashMap<Key, int[]>();
            int batched = 0;
            try (var rows = statement.executeQuery("select t.member_id, t.at, t.label, t.outcome, p.time_zone"
                    + " from touches t join prospects p on p.id = t.prospect_id"
                    + " where t.kind = 'CALL' and t.member_id is not null order by t.member_id, t.at")) {
                while (rows.next()) {
                    var at = rows.getObject(2, OffsetDateTime.class).toInstant();
                    var local = at.atZone(ZoneId.of(rows.getString(5)));
                    var key = new Key(
                            rows.getObject(1, UUID.class),
                            at.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                            local.getDayOfWeek().getValue(),
                            local.getHour(),
                            attempt(rows.getString(3)));
                    if (!hour.isEmpty() && !sameHour(hour.keySet().iterator().next(), key)) {
                        batched = add(insert, hour, batched);
                    }
                    var sums = hour.computeIfAbsent(key, k -> new int[2]);
                    sums[0]++;
                    sums[1] += "CONNECTED".equals(rows.getString(4)) ? 1 : 0;
                }
            }
            add(insert, hour, batched);
            insert.executeBatch();
        }
    }

    private static boolean sameHour(Key a, Key b) {
        return a.member().equals(b.member()) && a.hour().isEqual(b.hour());
    }

    /** Adds one member's hour to the batch, sending it when full; returns how many rows wait in it. */
    private static int add(PreparedStatement insert, Map<Key, int[]> hour, int batched) throws SQLException {
        for (var e : hour.entrySet()) {
            var k = e.getKey();
            insert.setObject(1, k.member());
            insert.setObject(2, k.hour());
            insert.setInt(3, k.weekday());
            insert.setInt(4, k.localHour());
            insert.setInt(5, k.attempt());
            insert.setInt(6, e.getValue()[0]);
            insert.setInt(7, e.getValue()[1]);
            insert.addBatch();
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
            }
        }
        hour.clear();
        return batched;
    }

    /**
     * The attempt a call is counted under, by the label calls carried when this migration was written:
     * n of "FTC #n", -1 for an appointment call ("Appointment"), 0 for a follow-up or anything else.
     * Kept here rather than taken from application code, which may change after the migration has run.
     */
    static int attempt(String label) {
        if ("Appointment".equals(label)) {
            return -1;
        }
        if (label == null || !label.matches("FTC #\\d{1,4}")) {
            return 0;
        }
        return Integer.parseInt(label.substring("FTC #".length()));
    }
}
