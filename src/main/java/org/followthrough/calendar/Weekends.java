package org.followthrough.calendar;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Each country's weekly rest days ({@code calendar/weekends.csv}): Saturday and Sunday unless it says otherwise. */
final class Weekends {

    static final Set<DayOfWeek> USUAL = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private final Map<String, Set<DayOfWeek>> byCountry;

    Weekends() {
        byCountry = DataFile.read("/calendar/weekends.csv").stream()
                .collect(Collectors.toUnmodifiableMap(
                        row -> row.getField("country").strip().toUpperCase(Locale.ROOT),
                        row -> CallingWindows.Rule.parse("*", row.getField("weekend"), "none", "")
                                .days()));
    }

    Set<DayOfWeek> of(String country) {
        return country == null ? USUAL : byCountry.getOrDefault(country, USUAL);
    }
}
