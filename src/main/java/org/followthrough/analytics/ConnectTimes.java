package org.followthrough.analytics;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.followthrough.calendar.BestTimes;

/**
 * Connect rates by the prospect's local weekday and hour, and the best hours to call learned from
 * them (R19) the way the engine learns them ({@link BestTimes#learn}): each hour starts from R4's prior
 * and moves towards the team's own rate as its calls add up.
 */
final class ConnectTimes {

    static final int WINDOWS = 5;

    private final long[][] calls = new long[7][24];
    private final long[][] connected = new long[7][24];
    private long totalCalls;

    ConnectTimes(List<CallHours.Count> counts) {
        for (var c : counts) {
            if (c.atAgreedTime()) {
                continue; // the prospect chose the time: it says nothing of when prospects pick up
            }
            int day = c.weekday().ordinal();
            calls[day][c.hour()] += c.calls();
            connected[day][c.hour()] += c.connected();
            totalCalls += c.calls();
        }
    }

    List<Summary.HeatCell> heatMap() {
        var cells = new ArrayList<Summary.HeatCell>();
        for (var day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                long n = calls[day.ordinal()][hour];
                if (n > 0) {
                    long c = connected[day.ordinal()][hour];
                    cells.add(new Summary.HeatCell(day, hour, n, c, (double) c / n));
                }
            }
        }
        return cells;
    }

    /**
     * The best weekday hours inside the usual calling window, best first: ranked by R4's priors until
     * these calls are enough to learn from, then by the expected connect rate, as the planner ranks them.
     */
    Summary.BestTimes best(BestTimes engine) {
        var learned = new BestTimes();
        learned.learn(calls, connected);
        boolean fromCalls = learned.learnedFromTheTeam();
        var windows = BestTimes.hours(calls, connected).stream()
                .filter(h -> h.weekday().getValue() <= 5
                        && h.hour() >= BestTimes.FIRST_HOUR
                        && h.hour() <= BestTimes.LAST_HOUR)
                .sorted(Comparator.comparingDouble((BestTimes.Hour h) -> fromCalls ? h.estimate() : h.prior())
                        .reversed())
                .limit(WINDOWS)
                .map(h -> new Summary.Window(
                        h.weekday(),
                        h.hour(),
                        h.calls(),
                        h.connected(),
                        h.calls() == 0 ? null : round((double) h.connected() / h.calls()),
                        round(h.prior()),
                        round(fromCalls ? h.estimate() : h.prior())))
                .toList();
        return new Summary.BestTimes(
                fromCalls ? "TEAM_CALLS" : "R4_PRIORS",
                totalCalls,
                windows,
                new Summary.Engine(engine.learnedFromTheTeam() ? "TEAM_CALLS" : "R4_PRIORS", engine.windowStarts()));
    }

    private static double round(double rate) {
        return Math.round(rate * 10_000) / 10_000.0;
    }
}
