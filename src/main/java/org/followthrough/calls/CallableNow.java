package org.followthrough.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;

/**
 * Whether a task due now may be called now (R2), asked when the queue is read: a task planned for
 * 16:00 and still open at 21:30, or on Saturday, is not due now but at the prospect's next legal
 * moment. Worked out once per time zone and country for a whole queue, since a rep's prospects
 * share a handful of places. An agreed appointment is called at its exact time, even on a weekend
 * the prospect chose; once that time is {@link #AGREED} past, the legal window rules it too.
 */
final class CallableNow {

    static final Duration AGREED = Duration.ofHours(1);

    private final CallCalendar calendar;
    private final Instant now;
    private final Map<Place, Instant> byPlace = new HashMap<>();

    CallableNow(CallCalendar calendar, Instant now) {
        this.calendar = calendar;
        this.now = now;
    }

    /** The earliest moment from now the task may be called: now, or later when calling is not legal now. */
    Instant callableAt(TaskKind kind, Instant dueAt, Place place) {
        if (kind == TaskKind.APPOINTMENT && now.isBefore(dueAt.plus(AGREED))) {
            return now;
        }
        return byPlace.computeIfAbsent(place, p -> calendar.earliestLegal(now, p));
    }
}
