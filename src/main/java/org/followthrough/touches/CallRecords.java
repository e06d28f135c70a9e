package org.followthrough.touches;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.followthrough.common.Sql;
import org.followthrough.scripts.ObjectionCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * For the team's numbers (R19): the rarer touches the engine recorded (sales, closings, appointment calls, objections), counted in
 * the database over a period from the indexes on their kind and time, which hold what each figure
 * needs (V22_3), so a team with millions of calls sends back a few rows, never its calls. The calls
 * themselves are counted by the hour as they are logged (the analytics module's call hours).
 */
@Repository
public class CallRecords {

    /** Touches logged in {@code [from, to]}, by one member or (when null) by anyone. */
    public record Range(Instant from, Instant to, UUID memberId) {

        String where() {
            return " t.at >= ? and t.at <= ?" + (memberId == null ? "" : " and t.member_id = ?");
        }

        Object[] params() {
            var params = new ArrayList<Object>(List.of(Sql.ts(from), Sql.ts(to)));
            if (memberId != null) {
                params.add(memberId);
            }
            return params.toArray();
        }
    }

    /** How many sales closed after this many follow-ups. */
    public record Sales(int followUps, long prospects) {}

    /** Prospects closed as lost or nurtured, and those of them given up on after one follow-up or fewer. */
    public record Closings(long closed, long early) {}

    /** How late the appointment calls were, in seconds. */
    public record Lateness(long calls, long onTime, Long p50, Long p95, Long max) {}

    public record Category(String name, long count) {}

    /** Every category by name, so the index on them is read one category at a time over the period. */
    private static final String CATEGORIES = Arrays.stream(ObjectionCategory.values())
            .map(c -> "'" + c.name() + "'")
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    CallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Sales> followUpsOfSales(Range range) {
        return jdbc.sql("select t.follow_ups, count(*) from touches t where t.next_stage = 'WON' and" + range.where()
                        + " group by t.follow_ups order by t.follow_ups")
                .params(range.params())
                .query((rs, i) -> new Sales(rs.getInt(1), rs.getLong(2)))
                .list();
    }

    public Closings closings(Range range) {
        return jdbc.sql(
                        "select count(*), coalesce(sum(case when t.follow_ups <= 1 and not coalesce(t.prospect_said_no, false)"
                                + " then 1 else 0 end), 0) from touches t where t.next_stage in ('LOST', 'NURTURE') and"
                                + range.where())
                .params(range.params())
                .query((rs, i) -> new Closings(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    public Lateness appointmentCalls(Range range) {
        return jdbc.sql(
                        """
                        select count(*), coalesce(sum(case when t.lateness_seconds <= 60 then 1 else 0 end), 0),
                               percentile_cont(0.5) within group (order by greatest(t.lateness_seconds, 0)),
                               percentile_cont(0.95) within group (order by greatest(t.lateness_seconds, 0)),
                               max(greatest(t.lateness_seconds, 0))
                        from touches t where t.label = ? and t.lateness_seconds is not null and"""
                                + range.where())
                .param(Touches.APPOINTMENT_LABEL)
                .params(range.params())
                .query((rs, i) -> new Lateness(
                        rs.getLong(1),
                        rs.getLong(2),
                        rounded(rs.getObject(3)),
                        rounded(rs.getObject(4)),
                        rounded(rs.getObject(5))))
                .single();
    }

    public List<Category> objections(Range range) {
        return jdbc.sql("select t.objection_category, count(*) from touches t where t.objection_category in ("
                        + CATEGORIES + ") and"
                        + range.where()
                        + " group by t.objection_category order by count(*) desc, t.objection_category")
                .params(range.params())
                .query((rs, i) -> new Category(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private static Long rounded(Object number) {
        return number == null ? null : Math.round(((Number) number).doubleValue());
    }
}
