package org.followthrough.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * Concrete appointment times to propose when a prospect says "call me next week" (R9): in the best
 * windows, inside the legal hours of every zone the prospect may be in, on business days, free in
 * the rep's calendar, best first.
 */
public final class Slots {

    /** A proposed time, in the prospect's local time too, and why it is proposed. */
    public record Slot(Instant at, LocalDateTime localTime, String reason) {}

    static final Duration LEAD_TIME = Duration.ofHours(1);
    static final int DAYS_AHEAD = 10;
    static final int PER_DAY = 2;

    private final CallCalendar calendar;
    private final BestTimes bestTimes;

    public Slots(CallCalendar calendar, BestTimes bestTimes) {
        this.calendar = calendar;
        this.bestTimes = bestTimes;
    }

    /**
     * Up to {@code count} slots, best first by R4's ranking ({@link BestTimes#rank}), the sooner of
     * two equal ones first, at most {@link #PER_DAY} a day; each legal in every zone the prospect may
     * be in and free in the rep's calendar.
     */
    public List<Slot> propose(Instant now, Place place, int count, Predicate<Instant> free) {
        var candidates = new ArrayList<Slot>();
        var ranks = new HashMap<Slot, Integer>();
        var date = calendar.local(now, place).toLocalDate();
        for (int days = 0; days < DAYS_AHEAD; date = date.plusDays(1)) {
            var hours = calendar.hours(date, place);
            if (!calendar.isBusinessDay(date, place)) {
                continue;
            }
            days++;
            for (var window : hours) {
                for (var time = window.from(); window.contains(time); time = time.plusMinutes(30)) {
                    var at = calendar.at(date, time, place);
                    if (!at.isBefore(now.plus(LEAD_TIME)) && calendar.isLegal(at, place) && free.test(at)) {
                        var local = LocalDateTime.of(date, time);
                        var slot = new Slot(at, local, bestTimes.score(local).reason());
                        candidates.add(slot);
                        ranks.put(slot, bestTimes.rank(local));
                    }
                    if (time.isAfter(LocalTime.of(23, 0))) {
                        break;
                    }
                }
            }
        }
        candidates.sort(Comparator.comparing((Slot s) -> -ranks.get(s)).thenComparing(Slot::at));
        var chosen = new ArrayList<Slot>();
        var perDay = new HashMap<java.time.LocalDate, Integer>();
        for (var slot : candidates) {
            var day = slot.localTime().toLocalDate();
            if (perDay.merge(day, 1, Integer::sum) <= PER_DAY) {
                chosen.add(slot);
            }
            if (chosen.size() == count) {
                break;
            }
        }
        return chosen;
    }
}
