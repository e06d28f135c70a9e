package org.followthrough.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Public holidays per country, and per region where the prospect's region is known (a US state, a
 * Canadian province, an Australian state, a German Land, a nation of the UK, an Indian state), from
 * jollyday's maintained calendars, corrected where they are wrong by FollowThrough's own data
 * ({@code calendar/holiday-corrections.csv}: days added or removed, each with its official source).
 * Worked out once per place and year.
 */
public final class Holidays {

    /** A named public holiday, as the settings page lists them. */
    public record PublicHoliday(LocalDate date, String name) {}

    /** A day the library has wrong: {@code dayOff} adds it, otherwise it is removed. */
    record Correction(String where, LocalDate date, boolean dayOff, String name, String source) {}

    private record Key(String where, int year) {}

    /** ISO 3166-2 codes whose jollyday region is spelled otherwise. */
    private static final Map<String, String> REGION_ALIASES = Map.of("IN-TG", "ts", "IN-OR", "od");

    private final List<Correction> corrections;
    /** The years most asked about, kept per place by year without a key to build: the planner asks often. */
    private static final int FIRST_YEAR = 2000;

    private static final int YEARS = 100;

    private final Map<String, AtomicReferenceArray<Map<LocalDate, String>>> byYear = new ConcurrentHashMap<>();
    private final Map<Key, Map<LocalDate, String>> cache = new ConcurrentHashMap<>();

    public Holidays() {
        this(DataFile.read("/calendar/holiday-corrections.csv").stream()
                .map(row -> new Correction(
                        row.getField("where").strip(),
                        LocalDate.parse(row.getField("date").strip()),
                        row.getField("change").strip().equals("+"),
                        row.getField("name").strip(),
                        row.getField("source").strip()))
                .toList());
    }

    Holidays(List<Correction> corrections) {
        this.corrections = List.copyOf(corrections);
    }

    public boolean isHoliday(LocalDate date, String country) {
        return isHoliday(date, country, null);
    }

    /** Whether the date is a public holiday of the country, or of its region when that is known. */
    public boolean isHoliday(LocalDate date, String country, String region) {
        if (country == null) {
            return false;
        }
        return days(country, region, date.getYear()).containsKey(date);
    }

    /** The country's public holidays from {@code from} up to and including {@code until}, in date order. */
    public List<PublicHoliday> between(String country, LocalDate from, LocalDate until) {
        return between(country, null, from, until);
    }

    /** The public holidays of the country, and of the region when known, in date order. */
    public List<PublicHoliday> between(String country, String region, LocalDate from, LocalDate until) {
        if (country == null) {
            return List.of();
        }
        var found = new TreeMap<LocalDate, String>();
        for (int year = from.getYear(); year <= until.getYear(); year++) {
            days(country, region, year).forEach((date, name) -> {
                if (!date.isBefore(from) && !date.isAfter(until)) {
                    found.put(date, name);
                }
            });
        }
        return found.entrySet().stream()
                .map(e -> new PublicHoliday(e.getKey(), e.getValue()))
                .toList();
    }

    /** Whether a holiday calendar is known for the country (jollyday's or corrections of ours). */
    public boolean knows(String country) {
        var code = country == null ? "" : country.toUpperCase(Locale.ROOT);
        return HolidayManager.getSupportedCalendarCodes().contains(code)
                || corrections.stream().anyMatch(c -> c.where().equals(code));
    }

    private Map<LocalDate, String> days(String country, String region, int year) {
        var code = upper(country);
        var where = region != null
                        && region.length() > 3
                        && region.charAt(2) == '-'
                        && region.regionMatches(true, 0, code, 0, 2)
                ? upper(region)
                : code;
        var years = byYear.get(where);
        if (years == null) {
            years = byYear.computeIfAbsent(where, w -> new AtomicReferenceArray<>(YEARS));
        }
        int index = year - FIRST_YEAR;
        if (index < 0 || index >= YEARS) {
            return cache.computeIfAbsent(new Key(where, year), k -> load(code, regionOf(code, where), year));
        }
        var dates = years.get(index);
        if (dates == null) {
            dates = load(code, regionOf(code, where), year);
            years.compareAndSet(index, null, dates);
        }
        return dates;
    }

    private static String regionOf(String country, String where) {
        return where.equals(country) ? null : where;
    }

    /** Codes come upper case from everywhere but hand-typed input; only those are copied. */
    private static String upper(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (Character.isLowerCase(code.charAt(i))) {
                return code.toUpperCase(Locale.ROOT);
            }
        }
        return code;
    }

    /**
     * The days off falling in {@code year}. A holiday may be observed in the year before or after its
     * own (New Year's Day on a Saturday is observed on Friday 31 December), so the years around it are
     * read too and every date is kept under the year it falls in. A holiday moved to another day (an
     * observed or substitute day, Colombia's and Argentina's moved holidays) is off on the day it
     * moved to.
     */
    private Map<LocalDate, String> load(String country, String region, int year) {
        var dates = new TreeMap<LocalDate, String>();
        if (HolidayManager.getSupportedCalendarCodes().contains(country)) {
            var manager = HolidayManager.getInstance(ManagerParameters.create(country));
            var args = region == null ? new String[0] : new String[] {jollydayRegion(region)};
            for (int y = year - 1; y <= year + 1; y++) {
                for (var holiday : manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, args)) {
                    if (holiday.getDate().getYear() == year) {
                        dates.put(holiday.getDate(), holiday.getDescription(Locale.ENGLISH));
                    }
                }
            }
        }
        for (var where : region == null ? List.of(country) : List.of(country, region)) {
            for (var c : corrections) {
                if (c.where().equals(where) && c.date().getYear() == year) {
                    if (c.dayOff()) {
                        dates.put(c.date(), c.name());
                    } else {
                        dates.remove(c.date());
                    }
                }
            }
        }
        return Map.copyOf(dates);
    }

    private static String jollydayRegion(String region) {
        return REGION_ALIASES
                .getOrDefault(region, region.substring(region.indexOf('-') + 1))
                .toLowerCase(Locale.ROOT);
    }
}
