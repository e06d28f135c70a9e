package org.followthrough.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * When a prospect may be called (R2, R3): inside the legal hours of their country and region on
 * that weekday, in their local time, on their business days — not on their weekend, not on their
 * country's or region's public holidays, not on the organisation's own days off.
 *
 * <p>While the prospect's zone is not certain ({@link Place#zoneUncertain()}) a moment is legal only
 * if it is legal in every zone they may be in: each zone's local date a business day there and its
 * local time inside that day's hours. "08:00 in Anchorage" is then never "07:00 in Adak".
 *
 * <p>The calling hours and the organisation's days off can be changed while the program runs (an
 * administrator's settings); every caller sees the change on its next question.
 */
public final class CallCalendar {

    /** How far ahead a moment legal in every candidate zone is looked for before the zone shown alone decides. */
    static final Duration SEARCH = Duration.ofDays(60);

    private volatile CallingWindows windows;
    private volatile Set<LocalDate> daysOff = Set.of();
    private final Holidays holidays;
    private final Weekends weekends = new Weekends();

    public CallCalendar(CallingWindows windows, Holidays holidays) {
        this.windows = windows;
        this.holidays = holidays;
    }

    public CallingWindows windows() {
        return windows;
    }

    /** From now on, these calling hours. */
    public void use(CallingWindows windows) {
        this.windows = windows;
    }

    /** From now on, the organisation's own days off are these (on top of the public holidays). */
    public void useDaysOff(Set<LocalDate> daysOff) {
        this.daysOff = Set.copyOf(daysOff);
    }

    public Set<LocalDate> daysOff() {
        return daysOff;
    }

    public List<Holidays.PublicHoliday> holidays(String country, LocalDate from, LocalDate until) {
        return holidays.between(country, from, until);
    }

    /** The public holidays of a country, and of its region when known, in date order. */
    public List<Holidays.PublicHoliday> holidays(String country, String region, LocalDate from, LocalDate until) {
        return holidays.between(country, region, from, until);
    }

    /** Whether a holiday calendar is known for the country. */
    public boolean knowsHolidaysOf(String country) {
        return holidays.knows(country);
    }

    /** The country's weekly rest days. */
    public Set<DayOfWeek> weekend(String country) {
        return weekends.of(country);
    }

    public ZonedDateTime local(Instant at, Place place) {
        return at.atZone(place.zone());
    }

    /**
     * The place's hours on a Wednesday, first to last, as a person is told "the window". Whether a
     * moment may be called is {@link #isLegal}'s to say: hours differ by weekday and may have a break.
     */
    public CallingWindows.Window window(Place place) {
        var hours = windows.hours(place.country(), place.region(), DayOfWeek.WEDNESDAY);
        return hours.isEmpty()
                ? windows.everywhere()
                : new CallingWindows.Window(
                        hours.get(0).from(), hours.get(hours.size() - 1).until());
    }

    /** The hours the place may be called on that date (none on a day that is not a business day). */
    public List<CallingWindows.Window> hours(LocalDate date, Place place) {
        return isBusinessDay(date, place)
                ? windows.hours(place.country(), place.region(), date.getDayOfWeek())
                : List.of();
    }

    public boolean isBusinessDay(LocalDate date, Place place) {
        return !weekends.of(place.country()).contains(date.getDayOfWeek())
                && !holidays.isHoliday(date, place.country(), place.region())
                && !daysOff.contains(date);
    }

    public boolean isHoliday(LocalDate date, Place place) {
        return holidays.isHoliday(date, place.country(), place.region()) || daysOff.contains(date);
    }

    /** The date {@code days} business days after {@code date} (R3). */
    public LocalDate plusBusinessDays(LocalDate date, int days, Place place) {
        var result = date;
        int left = days;
        while (left > 0) {
            result = result.plusDays(1);
            if (isBusinessDay(result, place)) {
                left--;
            }
        }
        return result;
    }

    /** The date {@code days} business days before {@code date}. */
    public LocalDate minusBusinessDays(LocalDate date, int days, Place place) {
        var result = date;
        int left = days;
        while (left > 0) {
            result = result.minusDays(1);
            if (isBusinessDay(result, place)) {
                left--;
            }
        }
        return result;
    }

    /** Whether a call at this instant is allowed: a business day inside the day's hours, in every zone the prospect may be in. */
    public boolean isLegal(Instant at, Place place) {
        var candidates = place.candidates();
        if (candidates.size() == 1) {
            return isLegalIn(at, place.zone(), place);
        }
        // the zones mostly share a local date: its business day is worked out once
        LocalDate businessDay = null;
        for (var zone : candidates) {
            var local = at.atZone(zone);
            var date = local.toLocalDate();
            if (!date.equals(businessDay)) {
                if (!isBusinessDay(date, place)) {
                    return false;
                }
                businessDay = date;
            }
            if (!withinHours(local, place)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first moment at or after {@code notBefore} when a call is allowed in every zone the
     * prospect may be in. Should those zones share no legal moment for {@link #SEARCH} (zones further
     * apart than the calling hours are long), the zone shown alone decides.
     */
    public Instant earliestLegal(Instant notBefore, Place place) {
        var candidates = place.candidates();
        if (candidates.size() == 1) {
            return earliestIn(notBefore, place.zone(), place);
        }
        if (isLegal(notBefore, place)) {
            return notBefore;
        }
        var at = notBefore;
        var limit = notBefore.plus(SEARCH);
        while (at.isBefore(limit)) {
            var latest = at;
            for (var zone : candidates) {
                var opens = earliestIn(at, zone, place);
                if (opens.isAfter(latest)) {
                    latest = opens;
                }
            }
            if (latest.equals(at)) {
                return at;
            }
            at = latest;
        }
        return earliestIn(notBefore, place.zone(), place);
    }

    public LocalDate nextBusinessDay(LocalDate date, Place place) {
        return plusBusinessDays(date, 1, place);
    }

    /** The instant of a local date and time; a time skipped by a clock change moves forward, as clocks do. */
    public Instant at(LocalDate date, LocalTime time, Place place) {
        return ZonedDateTime.of(date, time, place.zone()).toInstant();
    }

    /** The local time in each zone the prospect may be in, the zone shown first. */
    public List<ZonedDateTime> spread(Instant at, Place place) {
        return place.candidates().stream().map(at::atZone).toList();
    }

    /** The moment as a rep reads it in every zone the prospect may be in: "08:00 in Anchorage, 07:00 in Adak". */
    public String describeSpread(Instant at, Place place) {
        return String.join(
                ", ",
                spread(at, place).stream()
                        .map(local -> String.format(
                                "%02d:%02d in %s", local.getHour(), local.getMinute(), city(local.getZone())))
                        .toList());
    }

    /** The city a zone is named after: {@code America/Argentina/Buenos_Aires} is Buenos Aires. */
    public static String city(ZoneId zone) {
        var id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }

    private boolean isLegalIn(Instant at, ZoneId zone, Place place) {
        var local = at.atZone(zone);
        return isBusinessDay(local.toLocalDate(), place) && withinHours(local, place);
    }

    private boolean withinHours(ZonedDateTime local, Place place) {
        var time = local.toLocalTime();
        for (var window : windows.hours(place.country(), place.region(), local.getDayOfWeek())) {
            if (window.contains(time)) {
                return true;
            }
        }
        return false;
    }

    /** The first legal moment at or after {@code notBefore} in one zone, on the place's business days and hours. */
    private Instant earliestIn(Instant notBefore, ZoneId zone, Place place) {
        var local = notBefore.atZone(zone);
        var date = local.toLocalDate();
        var time = local.toLocalTime();
        for (int day = 0; day < 400; day++, date = date.plusDays(1), time = LocalTime.MIN) {
            if (!isBusinessDay(date, place)) {
                continue;
            }
            for (var window : windows.hours(place.country(), place.region(), date.getDayOfWeek())) {
                if (window.contains(time)) {
                    return day == 0
                            ? notBefore
                            : ZonedDateTime.of(date, time, zone).toInstant();
                }
                if (time.isBefore(window.from())) {
                    var opens = ZonedDateTime.of(date, window.from(), zone).toInstant();
                    // a clock change can skip the window's start; the legal hours still have the last word
                    if (!opens.isBefore(notBefore) && isLegalIn(opens, zone, place)) {
                        return opens;
                    }
                }
            }
        }
        throw new IllegalStateException("no legal calling moment within a year in " + zone + " for " + place.country());
    }
}
