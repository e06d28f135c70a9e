package org.followthrough.calendar;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The best times to reach a prospect when no time was agreed (R4, seeds 000 and 004), as a score:
 * Wednesday and Thursday first; 16:00–17:00 local, then 11:00–12:00, then 10:00–11:00; Mondays,
 * Friday afternoons and 13:00–15:00 are avoided. A preference, never a rule: the legal window rules.
 *
 * <p>Those are the priors. Once the team has logged {@link #ENOUGH_CALLS} calls, {@link #learn} moves
 * each weekday hour towards the team's own connect rate there (R19): the prior counts as
 * {@link #PRIOR_WEIGHT} calls against the hour's real ones, so an hour with few calls stays near R4
 * and a busy one speaks for itself. The score of an hour is 8 × log2 of its expected connect rate over
 * the team's average, which is exactly R4's score while nothing is learned; {@link #score} says which
 * it used. The planner and the slots read the same instance, so preview and live still agree.
 */
public final class BestTimes {

    /** A scored moment and why it scores so. */
    public record Score(int value, String reason) {}

    /** What is known of one weekday hour: the team's calls there, R4's prior and the blend of the two. */
    public record Hour(DayOfWeek weekday, int hour, long calls, long connected, double prior, double estimate) {}

    /** How many calls R4's prior for an hour is worth against the team's own calls at that hour. */
    static final int PRIOR_WEIGHT = 20;

    /** The first and last hour a call can start in inside the default legal window (08:00-21:00, R2). */
    public static final int FIRST_HOUR = 8;

    public static final int LAST_HOUR = 20;

    /** The calls a team needs before its own connect rates move the plan. */
    public static final int ENOUGH_CALLS = 200;

    /** The connect rate assumed of a team that has logged no call. */
    static final double ASSUMED_RATE = 0.2;

    /** The starts of the windows worth calling in by R4, best first. */
    static final List<LocalTime> PRIOR_WINDOW_STARTS = List.of(
            LocalTime.of(16, 0),
            LocalTime.of(11, 0),
            LocalTime.of(10, 0),
            LocalTime.of(9, 0),
            LocalTime.of(15, 0),
            LocalTime.of(17, 0));

    /** What the team's calls taught, or null while R4's priors decide. */
    private record Learned(int[][] values, Hour[][] hours, long calls, List<LocalTime> windowStarts) {}

    private volatile Learned learned;

    /** Learns from the team's calls and connections by local weekday (Monday = 0) and hour; too few calls keep R4. */
    public void learn(long[][] calls, long[][] connected) {
        learned = from(calls, connected);
    }

    /** Back to R4's priors alone. */
    public void forget() {
        learned = null;
    }

    /** Whether the team's own calls decide now, rather than R4's priors. */
    public boolean learnedFromTheTeam() {
        return learned != null;
    }

    /**
     * What is known of every weekday hour from these calls, whether or not there are enough of them to
     * move the plan: the team's own numbers as the numbers page shows them.
     */
    public static List<Hour> hours(long[][] calls, long[][] connected) {
        return IntStream.range(0, 7 * 24)
                .mapToObj(i -> hour(DayOfWeek.of(i / 24 + 1), i % 24, calls, connected, baseRate(calls, connected)))
                .toList();
    }

    /** The starts of the windows worth calling in, best first: R4's, or the team's best hours once learned. */
    public List<LocalTime> windowStarts() {
        var known = learned;
        return known == null ? PRIOR_WINDOW_STARTS : known.windowStarts();
    }

    /** The score alone, without building its reason: what the planner compares many times per step. */
    public int value(LocalDateTime local) {
        var known = learned;
        return known == null
                ? prior(local)
                : known.values()[local.getDayOfWeek().ordinal()][local.getHour()];
    }

    /**
     * How a proposed appointment slot ranks, higher first (R4 as written): Wednesday and Thursday
     * 16:00–17:00, then 11:00–12:00, then 10:00–11:00, then any other moment by its score. Once the
     * team's own hours decide, what they taught ranks alone.
     */
    public int rank(LocalDateTime local) {
        var known = learned;
        if (known != null) {
            return known.values()[local.getDayOfWeek().ordinal()][local.getHour()];
        }
        var day = local.getDayOfWeek();
        int hour = local.getHour();
        boolean midweek = day == DayOfWeek.WEDNESDAY || day == DayOfWeek.THURSDAY;
        return midweek && (hour == 16 || hour == 11 || hour == 10) ? 100 + prior(local) : prior(local);
    }

    /**
     * Whether R4 says to avoid this moment when another day is to be had: Mondays and Friday
     * afternoons. Once the team's own hours decide, nothing is avoided but what they taught.
     */
    public boolean avoided(LocalDateTime local) {
        if (learned != null) {
            return false;
        }
        var day = local.getDayOfWeek();
        return day == DayOfWeek.MONDAY || (day == DayOfWeek.FRIDAY && local.getHour() >= 12);
    }

    public Score score(LocalDateTime local) {
        var known = learned;
        if (known == null) {
            return priorScore(local);
        }
        var hour = known.hours()[local.getDayOfWeek().ordinal()][local.getHour()];
        var reason = String.format(
                Locale.ENGLISH,
                "%s %02d:00, expected to connect %d%% (the team's %d calls here, %d connected)",
                local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                local.getHour(),
                Math.round(hour.estimate() * 100),
                hour.calls(),
                hour.connected());
        return new Score(value(local), reason);
    }

    private static Learned from(long[][] calls, long[][] connected) {
        long total = 0;
        for (var day : calls) {
            for (var n : day) {
                total += n;
            }
        }
        if (total < ENOUGH_CALLS) {
            return null;
        }
        double base = baseRate(calls, connected);
        var values = new int[7][24];
        var hours = new Hour[7][24];
        for (var day : DayOfWeek.values()) {
            for (int h = 0; h < 24; h++) {
                var hour = hour(day, h, calls, connected, base);
                hours[day.ordinal()][h] = hour;
                values[day.ordinal()][h] = (int) Math.round(8 * Math.log(hour.estimate() / base) / Math.log(2));
            }
        }
        return new Learned(values, hours, total, bestStarts(values));
    }

    /** The six hours that score best over the working week, best first, as R4's list has six. */
    private static List<LocalTime> bestStarts(int[][] values) {
        return IntStream.rangeClosed(FIRST_HOUR, LAST_HOUR)
                .boxed()
                .sorted(Comparator.comparingInt((Integer h) ->
                                -IntStream.range(0, 5).map(d -> values[d][h]).sum())
                        .thenComparing(h -> PRIOR_WINDOW_STARTS.indexOf(LocalTime.of(h, 0)) < 0
                                ? 99
                                : PRIOR_WINDOW_STARTS.indexOf(LocalTime.of(h, 0))))
                .limit(PRIOR_WINDOW_STARTS.size())
                .map(h -> LocalTime.of(h, 0))
                .toList();
    }

    private static double baseRate(long[][] calls, long[][] connected) {
        long n = 0;
        long c = 0;
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                n += calls[d][h];
                c += connected[d][h];
            }
        }
        return (c + ASSUMED_RATE * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT);
    }

    private static Hour hour(DayOfWeek day, int h, long[][] calls, long[][] connected, double base) {
        long n = calls[day.ordinal()][h];
        long c = connected[day.ordinal()][h];
        double prior = Math.min(1, base * Math.pow(2, prior(someMoment(day, h)) / 8.0));
        return new Hour(day, h, n, c, prior, (c + prior * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT));
    }

    private static LocalDateTime someMoment(DayOfWeek day, int hour) {
        return LocalDateTime.of(2026, 1, 5, hour, 0).plusDays(day.ordinal()); // 5 January 2026 is a Monday
    }

    private static int prior(LocalDateTime local) {
        int hour = local.getHour();
        int value =
                switch (local.getDayOfWeek()) {
                    case WEDNESDAY, THURSDAY -> 3;
                    case TUESDAY -> 2;
                    case FRIDAY -> hour >= 12 ? -2 : 1;
                    case MONDAY -> -1;
                    default -> -5;
                };
        return value
                + switch (hour) {
                    case 16 -> 4;
                    case 11 -> 3;
                    case 10 -> 2;
                    case 13, 14 -> -3;
                    default -> 0;
                };
    }

    private static Score priorScore(LocalDateTime local) {
        var day = local.getDayOfWeek();
        int hour = local.getHour();
        var reason = new StringBuilder(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        if (hour == 16) {
            reason.append(" 16:00–17:00, the best hour");
        } else if (hour == 11) {
            reason.append(" 11:00–12:00, a good hour");
        } else if (hour == 10) {
            reason.append(" 10:00–11:00, a good hour");
        } else if (hour == 13 || hour == 14) {
            reason.append(" after lunch, avoided");
        } else {
            reason.append(String.format(" %02d:00", hour));
        }
        if (day == DayOfWeek.MONDAY) {
            reason.append(" (Mondays are avoided)");
        } else if (day == DayOfWeek.FRIDAY && hour >= 12) {
            reason.append(" (Friday afternoons are avoided)");
        }
        return new Score(prior(local), reason.toString());
    }
}
