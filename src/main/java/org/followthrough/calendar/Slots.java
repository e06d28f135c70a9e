package org.followthrough.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * Concrete appointment times to propose when a prospect says "call me next week" (R9): in the best
 * windows, inside the legal window, on business days, free in the rep's calendar, best first.
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

    public List<Slot> propose(Instant now, Place place, int count, Predicate<Instant> free) {
        var candidates = new ArrayList<Slot>();
        var scores = new HashMap<Slot, Integer>();
        var window = calendar.window(place);
        var date = calendar.local(now, place).toLocalDate();
        for (int days = 0; days < DAYS_AHEAD; date = date.plusDays(1)) {
            if (!calendar.isBusinessDay(date, place)) {
                continue;
            }
            days++;
            for (var time = window.from(); time.isBefore(window.until()); time = time.plusMinutes(30)) {
                var at = calendar.at(date, time, place);
                if (at.isBefore(now.plus(LEAD_TIME)) || !calendar.isLegal(at, place) || !free.test(at)) {
                    continue;
                }
                var local = LocalDateTime.of(date, time);
                var score = bestTimes.score(local);
                var slot = new Slot(at, local, score.reason());
                candidates.add(slot);
                scores.put(slot, score.value() - days / 3);
            }
        }
        candidates.sort(Comparator.comparing((Slot s) -> -scores.get(s)).thenComparing(Slot::at));
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
