package org.followthrough.messaging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * A zone's VTIMEZONE (RFC 5545 3.6.5) written from the zone rules of the running JDK, the same rules
 * FollowThrough uses to book and remind, rather than from a calendar library's own copy of the tz
 * database (which lags behind changes such as Brazil ending daylight saving time in 2019).
 *
 * <p>The definition covers a span of time: one observance for the offset in force at its start and
 * one per transition inside it, each with its onset in the local time before the transition
 * (TZOFFSETFROM) and the offset after it (TZOFFSETTO); DAYLIGHT when the offset after is daylight
 * saving time, STANDARD otherwise. Only DTSTART is used, no RRULE or RDATE, so a calendar needs no
 * recurrence rules to read it.
 */
final class ZoneDefinitions {

    private ZoneDefinitions() {}

    /** The zone's definition from {@code from} (inclusive) to {@code until} (exclusive). */
    static VTimeZone of(ZoneId zone, Instant from, Instant until) {
        if (zone instanceof ZoneOffset) {
            throw new IllegalArgumentException("A fixed offset is written in UTC, not as a time zone: " + zone);
        }
        var rules = zone.getRules();
        var observances = new ArrayList<Observance>();
        var offset = rules.getOffset(from);
        observances.add(observance(
                rules.isDaylightSavings(from),
                LocalDateTime.ofInstant(from, offset).truncatedTo(ChronoUnit.SECONDS),
                offset,
                offset));
        for (var transition = rules.nextTransition(from);
                transition != null && transition.getInstant().isBefore(until);
                transition = rules.nextTransition(transition.getInstant())) {
            observances.add(observance(
                    rules.isDaylightSavings(transition.getInstant()),
                    transition.getDateTimeBefore(),
                    transition.getOffsetBefore(),
                    transition.getOffsetAfter()));
        }
        return new VTimeZone(
                new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(List.copyOf(observances)));
    }

    private static Observance observance(boolean daylight, LocalDateTime onset, ZoneOffset before, ZoneOffset after) {
        var properties =
                new PropertyList(List.of(new DtStart<>(onset), new TzOffsetFrom(before), new TzOffsetTo(after)));
        return daylight ? new Daylight(properties) : new Standard(properties);
    }
}
