package org.followthrough.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.calls.CallLogged;
import org.followthrough.common.Databases;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospects;
import org.followthrough.touches.Touches;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The team's calls counted by the hour they were made in, the prospect's local weekday and hour, and
 * the FTC attempt, as each call is logged (in the logging transaction, so a call is counted with it or
 * not at all): what reports of connect rates read instead of every touch.
 */
@Repository
public class CallHours {

    /**
     * The attempt an appointment call is counted under. Its time was agreed with the prospect, so it
     * says nothing of when prospects pick up: the best times and the heat map leave it out.
     */
    public static final int APPOINTMENT = -1;

    /**
     * Calls and connections at one local weekday and hour, for one attempt: n of FTC #n, 0 for a
     * follow-up or any other call, {@link #APPOINTMENT} for appointment calls.
     */
    public record Count(DayOfWeek weekday, int hour, int attempt, long calls, long connected) {

        /** Whether these calls were made at a time agreed with the prospect. */
        public boolean atAgreedTime() {
            return attempt == APPOINTMENT;
        }
    }

    private final JdbcClient jdbc;
    private final Prospects prospects;
    private final String upsert;

    CallHours(JdbcClient jdbc, Prospects prospects, DataSource dataSource) {
        this.jdbc = jdbc;
        this.prospects = prospects;
        this.upsert = Databases.isPostgres(dataSource)
                ? """
                  insert into call_hours (member_id, hour_start, weekday, local_hour, attempt, calls, connected)
                  values (?, ?, ?, ?, ?, 1, ?)
                  on conflict (member_id, hour_start, weekday, local_hour, attempt)
                  do update set calls = call_hours.calls + 1, connected = call_hours.connected + excluded.connected"""
                // H2 has no ON CONFLICT; two MERGEs of a new hour at once can both insert, so count() tries again
                : """
                  merge into call_hours c using (values (cast(? as uuid), cast(? as timestamp with time zone),
                      cast(? as smallint), cast(? as smallint), cast(? as smallint), cast(? as int)))
                      v (member_id, hour_start, weekday, local_hour, attempt, connected)
                  on c.member_id = v.member_id and c.hour_start = v.hour_start and c.weekday = v.weekday
                      and c.local_hour = v.local_hour and c.attempt = v.attempt
                  when matched then update set calls = c.calls + 1, connected = c.connected + v.connected
                  when not matched then insert (member_id, hour_start, weekday, local_hour, attempt, calls, connected)
                      values (v.member_id, v.hour_start, v.weekday, v.local_hour, v.attempt, 1, v.connected)""";
    }

    @EventListener
    void on(CallLogged logged) {
        prospects
                .byId(logged.prospectId())
                .ifPresent(p -> count(
                        logged.memberId(),
                        logged.at(),
                        p.timeZone(),
                        logged.appointmentId() != null ? Touches.APPOINTMENT_LABEL : logged.label(),
                        logged.outcome() == CallOutcome.CONNECTED));
    }

    /** Counts one call, in the transaction that logs it. */
    void count(UUID memberId, Instant at, ZoneId prospectZone, String label, boolean connected) {
        var local = at.atZone(prospectZone);
        var params = new Object[] {
            memberId,
            Sql.ts(at.truncatedTo(ChronoUnit.HOURS)),
            local.getDayOfWeek().getValue(),
            local.getHour(),
            attempt(label),
            connected ? 1 : 0
        };
        try {
            jdbc.sql(upsert).params(params).update();
        } catch (DuplicateKeyException countedMeanwhile) {
            // H2 only (PostgreSQL's ON CONFLICT cannot collide): the hour exists now, so the MERGE updates it
            jdbc.sql(upsert).params(params).update();
        }
    }

    /**
     * The calls made in the hours from the one {@code from} falls in to the one {@code to} falls in,
     * by one member or (when null) by anyone: whole hours, so up to an hour more than the instants say.
     */
    public List<Count> between(Instant from, Instant to, UUID memberId) {
        var query = jdbc.sql("select weekday, local_hour, attempt, sum(calls), sum(connected) from call_hours"
                        + " where hour_start >= ? and hour_start <= ?" + (memberId == null ? "" : " and member_id = ?")
                        + " group by weekday, local_hour, attempt")
                .param(Sql.ts(from.truncatedTo(ChronoUnit.HOURS)))
                .param(Sql.ts(to));
        if (memberId != null) {
            query = query.param(memberId);
        }
        return query.query((rs, i) ->
                        new Count(DayOfWeek.of(rs.getInt(1)), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /**
     * The attempt a call is counted under, by its label: n of "FTC #n", {@link #APPOINTMENT} for an
     * appointment call, 0 for a follow-up or anything else.
     */
    public static int attempt(String label) {
        if (Touches.APPOINTMENT_LABEL.equals(label)) {
            return APPOINTMENT;
        }
        if (label == null || !label.matches("FTC #\\d{1,4}")) {
            return 0;
        }
        return Integer.parseInt(label.substring("FTC #".length()));
    }
}
