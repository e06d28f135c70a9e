package org.followthrough.calendar;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * The best times to reach a prospect when no time was agreed (R4, seeds 000 and 004), as a score:
 * Wednesday and Thursday first; 16:00–17:00 local, then 11:00–12:00, then 10:00–11:00; Mondays,
 * Friday afternoons and 13:00–15:00 are avoided. A preference, never a rule: the legal window rules.
 */
public final class BestTimes {

    /** A scored moment and why it scores so. */
    public record Score(int value, String reason) {}

    /** The starts of the windows worth calling in, best first. */
    public static final List<LocalTime> WINDOW_STARTS = List.of(
            LocalTime.of(16, 0),
            LocalTime.of(11, 0),
            LocalTime.of(10, 0),
            LocalTime.of(9, 0),
            LocalTime.of(15, 0),
            LocalTime.of(17, 0));

    /** The score alone, without building its reason: what the planner compares many times per step. */
    public int value(LocalDateTime local) {
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

    public Score score(LocalDateTime local) {
        var day = local.getDayOfWeek();
        int hour = local.getHour();
        int value = 0;
        var reason = new StringBuilder(day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        switch (day) {
            case WEDNESDAY, THURSDAY -> value += 3;
            case TUESDAY -> value += 2;
            case FRIDAY -> value += hour >= 12 ? -2 : 1;
            case MONDAY -> value -= 1;
            default -> value -= 5;
        }
        if (hour == 16) {
            value += 4;
            reason.append(" 16:00–17:00, the best hour");
        } else if (hour == 11) {
            value += 3;
            reason.append(" 11:00–12:00, a good hour");
        } else if (hour == 10) {
            value += 2;
            reason.append(" 10:00–11:00, a good hour");
        } else if (hour == 13 || hour == 14) {
            value -= 3;
            reason.append(" after lunch, avoided");
        } else {
            reason.append(String.format(" %02d:00", hour));
        }
        if (day == DayOfWeek.MONDAY) {
            reason.append(" (Mondays are avoided)");
        } else if (day == DayOfWeek.FRIDAY && hour >= 12) {
            reason.append(" (Friday afternoons are avoided)");
        }
        return new Score(value, reason.toString());
    }
}
