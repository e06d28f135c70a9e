package org.followthrough.cadence;

import java.util.HashMap;
import java.util.Map;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.calendar.Holidays;
import org.followthrough.calendar.Slots;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calendar and the planner as the running program uses them. Calling windows narrower than
 * 08:00–21:00 are set per country: {@code followthrough.calling.windows.DE=09:00-20:00}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CadenceConfiguration.CallingSettings.class)
class CadenceConfiguration {

    @ConfigurationProperties("followthrough.calling")
    record CallingSettings(String window, Map<String, String> windows) {}

    @Bean
    CallCalendar callCalendar(CallingSettings settings) {
        var standard =
                settings.window() == null ? CallingWindows.DEFAULT : CallingWindows.Window.parse(settings.window());
        var byCountry = new HashMap<String, CallingWindows.Window>();
        if (settings.windows() != null) {
            settings.windows()
                    .forEach((country, window) -> byCountry.put(
                            country.toUpperCase(java.util.Locale.ROOT), CallingWindows.Window.parse(window)));
        }
        return new CallCalendar(new CallingWindows(standard, byCountry), new Holidays());
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
