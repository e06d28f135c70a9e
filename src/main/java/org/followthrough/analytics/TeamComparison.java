package org.followthrough.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.followthrough.appointments.AppointmentBooked;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.followthrough.touches.CallRecords;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's comparison: the members side by side over the last weeks — calls, connects, meetings
 * booked, follow-ups to close (the median of their sales) and punctuality (appointment calls on time)
 * — ranked, each figure with its trend week by week (weeks of seven days ending now).
 */
@Service
public class TeamComparison {

    public static final int DEFAULT_WEEKS = 8;
    static final int MAX_WEEKS = 52;

    /** One member's figures over a period; follow-ups and punctuality are null without a sale or an appointment call. */
    public record Figures(long calls, long connects, long meetings, Double followUpsToClose, Double punctuality) {}

    public record Week(Instant from, Instant to, Figures figures) {}

    /** A member's figures, their rank on each (1 is the best), and the weeks. */
    public record Row(String email, String fullName, Figures total, Map<String, Integer> ranks, List<Week> weeks) {}

    public record Comparison(Instant from, Instant to, int weeks, String order, List<Row> members) {}

    private final JdbcClient jdbc;
    private final CallRecords records;
    private final Team team;
    private final Clock clock;

    TeamComparison(JdbcClient jdbc, CallRecords records, Team team, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.team = team;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        jdbc.sql(
                        "insert into meetings_booked (appointment_id, owner_id, booked_at) values (?, ?, ?) on conflict do nothing")
                .params(booked.appointmentId(), booked.ownerId(), Sql.ts(clock.instant()))
                .update();
    }

    /** Managers and admins only; {@code weeks} from 1 to 52 (8 unless given). */
    @Transactional(readOnly = true)
    public Comparison compare(Actor actor, Integer weeks) {
        if (!actor.seesWholeTeam()) {
            throw Refusal.forbidden("The team's comparison is for managers and administrators.");
        }
        int n = weeks == null ? DEFAULT_WEEKS : weeks;
        if (n < 1 || n > MAX_WEEKS) {
            throw InvalidInput.of("weeks", "must be between 1 and " + MAX_WEEKS + ", not " + n);
        }
        var to = clock.instant();
        var from = to.minus(Duration.ofDays(7L * n));
        var members = team.members().stream().filter(Member::active).toList();
        var bounds = new ArrayList<Instant[]>();
        for (int i = 0; i < n; i++) {
            bounds.add(new Instant[] {from.plus(Duration.ofDays(7L * i)), from.plus(Duration.ofDays(7L * (i + 1)))});
        }
        var totalCalls = calls(from, to);
        var totalMeetings = meetings(from, to);
        var weeklyCalls = bounds.stream().map(b -> calls(b[0], b[1])).toList();
        var weeklyMeetings = bounds.stream().map(b -> meetings(b[0], b[1])).toList();
        var rows = new ArrayList<Row>();
        for (var m : members) {
            var total = figures(m.id(), from, to, totalCalls, totalMeetings);
            var trend = new ArrayList<Week>();
            for (int i = 0; i < n; i++) {
                var b = bounds.get(i);
                trend.add(new Week(b[0], b[1], figures(m.id(), b[0], b[1], weeklyCalls.get(i), weeklyMeetings.get(i))));
            }
            rows.add(new Row(m.email(), m.fullName(), total, new HashMap<>(), trend));
        }
        rank(rows, "calls", f -> (double) f.calls(), true);
        rank(rows, "connects", f -> (double) f.connects(), true);
        rank(rows, "meetings", f -> (double) f.meetings(), true);
        rank(rows, "followUpsToClose", Figures::followUpsToClose, false);
        rank(rows, "punctuality", Figures::punctuality, true);
        rows.sort(Comparator.comparingLong((Row r) -> r.total().meetings())
                .thenComparingLong(r -> r.total().connects())
                .thenComparingLong(r -> r.total().calls())
                .reversed()
                .thenComparing(Row::fullName));
        return new Comparison(from, to, n, "meetings, then connects, then calls", rows);
    }

    private Figures figures(UUID member, Instant from, Instant to, Map<UUID, long[]> calls, Map<UUID, Long> meetings) {
        var range = new CallRecords.Range(from, to, member);
        var close = Rates.followUpsToClose(records.followUpsOfSales(range).stream()
                .map(s -> new Summary.Count(s.followUps(), s.prospects()))
                .toList());
        var punctuality = Rates.punctuality(records.appointmentCalls(range));
        var c = calls.getOrDefault(member, new long[2]);
        return new Figures(
                c[0],
                c[1],
                meetings.getOrDefault(member, 0L),
                close.median(),
                punctuality.appointmentCalls() == 0 ? null : punctuality.onTimeShare());
    }

    /** Ranks by one figure, 1 the best (higher or lower being better); members without it are ranked last, unranked. */
    private static void rank(List<Row> rows, String name, Function<Figures, Double> figure, boolean higherIsBetter) {
        Comparator<Row> order = Comparator.comparing((Row r) -> figure.apply(r.total()));
        var ranked = rows.stream()
                .filter(r -> figure.apply(r.total()) != null)
                .sorted(higherIsBetter ? order.reversed() : order)
                .toList();
        for (int i = 0; i < ranked.size(); i++) {
            var value = figure.apply(ranked.get(i).total());
            int rank = i + 1;
            // equal figures share the better rank
            for (int j = i - 1; j >= 0 && figure.apply(ranked.get(j).total()).equals(value); j--) {
                rank = j + 1;
            }
            ranked.get(i).ranks().put(name, rank);
        }
    }

    private Map<UUID, long[]> calls(Instant from, Instant to) {
        var calls = new HashMap<UUID, long[]>();
        jdbc.sql(
                        """
                select member_id, sum(calls) as calls, sum(connected) as connected from call_hours
                 where hour_start >= ? and hour_start < ? group by member_id""")
                .params(Sql.ts(from), Sql.ts(to))
                .query((rs, i) ->
                        calls.put(Sql.uuid(rs, "member_id"), new long[] {rs.getLong("calls"), rs.getLong("connected")}))
                .list();
        return calls;
    }

    private Map<UUID, Long> meetings(Instant from, Instant to) {
        var meetings = new HashMap<UUID, Long>();
        jdbc.sql(
                        """
                select owner_id, count(*) as meetings from meetings_booked
                 where booked_at >= ? and booked_at < ? and owner_id is not null group by owner_id""")
                .params(Sql.ts(from), Sql.ts(to))
                .query((rs, i) -> meetings.put(Sql.uuid(rs, "owner_id"), rs.getLong("meetings")))
                .list();
        return meetings;
    }
}
