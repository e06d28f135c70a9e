package org.followthrough.cadence;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.calendar.Holidays;
import org.followthrough.calendar.Slots;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calendar and the planner as the running program uses them. The calling hours are the shipped
 * data ({@code calendar/calling-hours.csv}), narrowed per country by configuration
 * ({@code followthrough.calling.windows.DE=09:00-20:00}), then changed by administrators
 * ({@link CallingRules}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CadenceConfiguration.CallingSettings.class)
class CadenceConfiguration {

    @ConfigurationProperties("followthrough.calling")
    record CallingSettings(String window, Map<String, String> windows, @DefaultValue("30s") Duration reloadEvery) {}

    @Bean
    CallCalendar callCalendar(CallingSettings settings) {
        return new CallCalendar(windows(settings), new Holidays());
    }

    /**
     * The shipped calling hours, narrowed by the configuration: {@code followthrough.calling.window}
     * everywhere and {@code followthrough.calling.windows.XX} per country, each only narrower than
     * what the law already allows there.
     */
    static CallingWindows windows(CallingSettings settings) {
        var shipped = CallingWindows.shipped();
        var configured = new ArrayList<CallingWindows.Rule>();
        var standard = settings.window() == null ? null : CallingWindows.Window.parse(settings.window());
        var everywhere = shipped.everywhere();
        if (standard != null) {
            configured.addAll(narrowed(shipped, "*", null, standard, "followthrough.calling.window"));
            everywhere = standard;
        }
        if (settings.windows() != null) {
            for (var entry : settings.windows().entrySet()) {
                var country = entry.getKey().toUpperCase(Locale.ROOT);
                var window = CallingWindows.Window.parse(entry.getValue());
                if (window.from().isBefore(everywhere.from()) || window.until().isAfter(everywhere.until())) {
                    throw new IllegalArgumentException(
                            "the calling window of " + country + " may only be narrower than " + everywhere);
                }
                configured.addAll(
                        narrowed(shipped, country, country, window, "followthrough.calling.windows." + country));
            }
        }
        return configured.isEmpty() ? shipped : shipped.with(configured);
    }

    /** A rule per weekday: the place's shipped hours that day within the configured window. */
    private static List<CallingWindows.Rule> narrowed(
            CallingWindows shipped, String where, String country, CallingWindows.Window window, String source) {
        var rules = new ArrayList<CallingWindows.Rule>();
        for (var day : DayOfWeek.values()) {
            var hours = where.equals("*") ? List.of(window) : shipped.hours(country, null, day);
            var within = where.equals("*")
                    ? hours
                    : hours.stream()
                            .map(h -> intersect(h, window))
                            .filter(java.util.Objects::nonNull)
                            .toList();
            rules.add(new CallingWindows.Rule(where, EnumSet.of(day), within, source));
        }
        return rules;
    }

    private static CallingWindows.Window intersect(CallingWindows.Window a, CallingWindows.Window b) {
        var from = a.from().isAfter(b.from()) ? a.from() : b.from();
        var until = a.until().isBefore(b.until()) ? a.until() : b.until();
        return from.isBefore(until) ? new CallingWindows.Window(from, until) : null;
    }

    @Bean
    BestTimes bestTimes() {
        return new BestTimes();
    }

    @Bean
    Planner planner(CallCalendar calendar, BestTimes bestTimes) {
        return new Planner(calendar, bestTimes);
    }

    @Bean
    Slots slots(CallCalendar calendar, BestTimes bestTimes) {
        return new Slots(calendar, bestTimes);
    }
}
