package org.followthrough.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a prospect may be called (R2, R3): inside the legal window of their country, in their local
 * time, on their business days — not on weekends, not on their country's public holidays.
 */
public final class CallCalendar {

    private final CallingWindows windows;
    private final Holidays holidays;

    public CallCalendar(CallingWindows windows, Holidays holidays) {
        this.windows = windows;
        this.holidays = holidays;
    }

    public CallingWindows windows() {
        return windows;
    }

    public java.util.List<Holidays.PublicHoliday> holidays(String country, LocalDate from, LocalDate until) {
        return holidays.between(country, from, until);
    }

    public ZonedDateTime local(Instant at, Place place) {
        return at.atZone(place.zone());
    }

    public CallingWindows.Window window(Place place) {
        return windows.of(place.country());
    }

    public boolean isBusinessDay(LocalDate date, Place place) {
        var day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date, place.country());
    }

    public boolean isHoliday(LocalDate date, Place place) {
        return holidays.isHoliday(date, place.country());
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

    /** Whether a call at this instant is allowed: a business day, inside the legal window, local time. */
    public boolean isLegal(Instant at, Place place) {
        var local = local(at, place);
        return isBusinessDay(local.toLocalDate(), place) && window(place).contains(local.toLocalTime());
    }

    /** The first moment at or after {@code notBefore} when a call is allowed. */
    public Instant earliestLegal(Instant notBefore, Place place) {
        if (isLegal(notBefore, place)) {
            return notBefore;
        }
        var local = local(notBefore, place);
        var window = window(place);
        var date = local.toLocalDate();
        if (!isBusinessDay(date, place) || !local.toLocalTime().isBefore(window.from())) {
            date = nextBusinessDay(date, place);
        }
        return at(date, window.from(), place);
    }

    public LocalDate nextBusinessDay(LocalDate date, Place place) {
        return plusBusinessDays(date, 1, place);
    }

    /** The instant of a local date and time; a time skipped by a clock change moves forward, as clocks do. */
    public Instant at(LocalDate date, LocalTime time, Place place) {
        return ZonedDateTime.of(date, time, place.zone()).toInstant();
    }
}
