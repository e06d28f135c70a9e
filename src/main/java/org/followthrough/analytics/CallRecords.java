package org.followthrough.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The touches the engine recorded, counted in the database: every query groups there, so a team with
 * millions of calls sends back a few hundred rows, never its calls.
 */
@Repository
class CallRecords {

    /** Touches logged in {@code [from, to]}, by one member or (when null) by anyone. */
    record Range(Instant from, Instant to, UUID memberId) {

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

    /** Calls and connections in one quarter hour ({@code quarter} counts from the epoch), to a prospect in this zone. */
    record Bucket(String timeZone, long quarter, long calls, long connected) {}

    record Closings(long closed, long early) {}

    record Lateness(long calls, long onTime, Long p50, Long p95, Long max) {}

    record Category(String name, long count) {}

    record Attempt(String label, long calls, long connected) {}

    private final JdbcClient jdbc;

    CallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Summary.Count> followUpsOfSales(Range range) {
        return jdbc.sql("select t.follow_ups, count(*) from touches t where t.next_stage = 'WON' and" + range.where()
                        + " group by t.follow_ups order by t.follow_ups")
                .params(range.params())
                .query((rs, i) -> new Summary.Count(rs.getInt(1), rs.getLong(2)))
                .list();
    }

    List<Attempt> firstTimeCalls(Range range) {
        return jdbc.sql(
                        "select t.label, count(*), sum(case when t.outcome = 'CONNECTED' then 1 else 0 end) from touches t"
                                + " where t.kind = 'CALL' and t.label like 'FTC #%' and" + range.where()
                                + " group by t.label")
                .params(range.params())
                .query((rs, i) -> new Attempt(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    Closings closings(Range range) {
        return jdbc.sql(
                        "select count(*), coalesce(sum(case when t.follow_ups <= 1 and not coalesce(t.prospect_said_no, false)"
                                + " then 1 else 0 end), 0) from touches t where t.next_stage in ('LOST', 'NURTURE') and"
                                + range.where())
                .params(range.params())
                .query((rs, i) -> new Closings(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    Lateness appointmentCalls(Range range) {
        return jdbc.sql(
                        """
                        select count(*), coalesce(sum(case when t.lateness_seconds <= 60 then 1 else 0 end), 0),
                               percentile_cont(0.5) within group (order by greatest(t.lateness_seconds, 0)),
                               percentile_cont(0.95) within group (order by greatest(t.lateness_seconds, 0)),
                               max(greatest(t.lateness_seconds, 0))
                        from touches t where t.appointment_id is not null and t.lateness_seconds is not null and"""
                                + range.where())
                .params(range.params())
                .query((rs, i) -> new Lateness(
                        rs.getLong(1),
                        rs.getLong(2),
                        rounded(rs.getObject(3)),
                        rounded(rs.getObject(4)),
                        rounded(rs.getObject(5))))
                .single();
    }

    List<Category> objections(Range range) {
        return jdbc.sql(
                        "select t.objection_category, count(*) from touches t where t.objection_category is not null and"
                                + range.where()
                                + " group by t.objection_category order by count(*) desc, t.objection_category")
                .params(range.params())
                .query((rs, i) -> new Category(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Calls by the prospect's zone and quarter hour: every zone's offset is a whole number of quarters. */
    List<Bucket> callsByQuarterHour(Range range) {
        return jdbc.sql(
                        """
                        select p.time_zone, floor(extract(epoch from t.at) / 900) as quarter, count(*),
                               sum(case when t.outcome = 'CONNECTED' then 1 else 0 end)
                        from touches t join prospects p on p.id = t.prospect_id
                        where t.kind = 'CALL' and"""
                                + range.where() + " group by p.time_zone, floor(extract(epoch from t.at) / 900)")
                .params(range.params())
                .query((rs, i) -> new Bucket(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static Long rounded(Object number) {
        return number == null ? null : Math.round(((Number) number).doubleValue());
    }
}
