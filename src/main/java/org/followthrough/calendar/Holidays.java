package org.followthrough.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Public holidays per country from jollyday's maintained calendars, worked out once per country and year. */
public final class Holidays {

    private record Key(String country, int year) {}

    private final Map<Key, Set<LocalDate>> cache = new ConcurrentHashMap<>();

    public boolean isHoliday(LocalDate date, String country) {
        if (country == null) {
            return false;
        }
        var key = new Key(country, date.getYear());
        var dates = cache.get(key);
        if (dates == null) {
            dates = cache.computeIfAbsent(key, k -> load(k.country(), k.year()));
        }
        return dates.contains(date);
    }

    /** A named public holiday, as the settings page lists them. */
    public record PublicHoliday(LocalDate date, String name) {}

    /** The country's public holidays from {@code from} up to and including {@code until}, in date order. */
    public List<PublicHoliday> between(String country, LocalDate from, LocalDate until) {
        var code = country == null ? "" : country.toUpperCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
            return List.of();
        }
        var manager = HolidayManager.getInstance(ManagerParameters.create(code));
        return manager.getHolidays(from, until, HolidayType.PUBLIC_HOLIDAY).stream()
                .map(h -> new PublicHoliday(h.getActualDate(), h.getDescription(Locale.ENGLISH)))
                .sorted(Comparator.comparing(PublicHoliday::date))
                .toList();
    }

    /**
     * The days off falling in {@code year}. A holiday may be observed in the year before or after its
     * own (New Year's Day on a Saturday is observed on Friday 31 December), so the years around it are
     * read too and every date is kept under the year it falls in.
     */
    private static Set<LocalDate> load(String country, int year) {
        var code = country.toUpperCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
            return Set.of();
        }
        var dates = new HashSet<LocalDate>();
        var manager = HolidayManager.getInstance(ManagerParameters.create(code));
        for (int y = year - 1; y <= year + 1; y++) {
            for (var holiday : manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY)) {
                for (var date : List.of(holiday.getDate(), holiday.getActualDate())) {
                    if (date.getYear() == year) {
                        dates.add(date);
                    }
                }
            }
        }
        return Set.copyOf(dates);
    }
}
