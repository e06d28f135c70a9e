package org.followthrough.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calls.CallHours;

/**
 * Connect rates by the prospect's local weekday and hour, and the best hours to call learned from
 * them (R19): each hour starts from R4's prior and moves towards the team's own rate as its calls add
 * up, so a small team still gets R4's answer and a busy one gets its own.
 */
final class ConnectTimes {

    /** How many calls R4's prior for an hour is worth against the team's own calls at that hour. */
    static final int PRIOR_WEIGHT = 20;

    /** The connect rate assumed before the team has logged any call. */
    static final double ASSUMED_RATE = 0.2;

    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 20;
    static final int WINDOWS = 5;

    private final long[][] calls = new long[7][24];
    private final long[][] connected = new long[7][24];
    private final BestTimes priors;
    private long totalCalls;
    private long totalConnected;

    ConnectTimes(List<CallHours.Count> counts, BestTimes priors) {
        this.priors = priors;
        for (var c : counts) {
            int day = c.weekday().ordinal();
            calls[day][c.hour()] += c.calls();
            connected[day][c.hour()] += c.connected();
            totalCalls += c.calls();
            totalConnected += c.connected();
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

    /** The best weekday hours inside the usual calling window, best first. */
    Summary.BestTimes best() {
        double base = (totalConnected + ASSUMED_RATE * PRIOR_WEIGHT) / (totalCalls + PRIOR_WEIGHT);
        var windows = new ArrayList<Summary.Window>();
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            for (int hour = FIRST_HOUR; hour <= LAST_HOUR; hour++) {
                windows.add(window(day, hour, base));
            }
        }
        windows.sort(Comparator.comparingDouble(Summary.Window::estimate).reversed());
        var top = windows.subList(0, WINDOWS);
        boolean learned = top.stream().anyMatch(w -> w.calls() >= PRIOR_WEIGHT);
        return new Summary.BestTimes(learned ? "TEAM_CALLS" : "R4_PRIORS", totalCalls, List.copyOf(top));
    }

    private Summary.Window window(DayOfWeek day, int hour, double base) {
        long n = calls[day.ordinal()][hour];
        long c = connected[day.ordinal()][hour];
        double prior = Math.min(1, base * Math.pow(2, priors.value(on(day, hour)) / 8.0));
        double estimate = (c + prior * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT);
        return new Summary.Window(day, hour, n, c, n == 0 ? null : (double) c / n, round(prior), round(estimate));
    }

    /** Some moment at this local weekday and hour, for R4's score, which reads only those two. */
    private static LocalDateTime on(DayOfWeek day, int hour) {
        return LocalDate.of(2026, 1, 1).with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0);
    }

    private static double round(double rate) {
        return Math.round(rate * 10_000) / 10_000.0;
    }
}
