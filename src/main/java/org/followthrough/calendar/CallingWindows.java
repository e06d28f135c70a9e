package org.followthrough.calendar;

import java.time.LocalTime;
import java.util.Map;

/**
 * The legal calling window in the prospect's local time (R2): 08:00–21:00 by default (US TCPA), and
 * narrower where a country's rules say so.
 */
public final class CallingWindows {

    /** A daily window, from inclusive to exclusive. */
    public record Window(LocalTime from, LocalTime until) {
        public Window {
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("a calling window must end after it starts: " + from + "–" + until);
            }
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(until);
        }

        /** Parses {@code 09:00-20:00}. */
        public static Window parse(String text) {
            var parts = text.trim().split("\\s*[-–]\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a calling window looks like 09:00-20:00, not " + text);
            }
            return new Window(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        }
    }

    public static final Window DEFAULT = new Window(LocalTime.of(8, 0), LocalTime.of(21, 0));

    private final Window standard;
    private final Map<String, Window> byCountry;

    public CallingWindows(Window standard, Map<String, Window> byCountry) {
        this.standard = standard;
        this.byCountry = Map.copyOf(byCountry);
        this.byCountry.forEach((country, window) -> {
            if (window.from().isBefore(standard.from()) || window.until().isAfter(standard.until())) {
                throw new IllegalArgumentException("the calling window of " + country + " may only be narrower than "
                        + standard.from() + "–" + standard.until());
            }
        });
    }

    public static CallingWindows standard() {
        return new CallingWindows(DEFAULT, Map.of());
    }

    /** The window for every country without its own. */
    public Window everywhere() {
        return standard;
    }

    /** The countries with a narrower window, by ISO code. */
    public Map<String, Window> byCountry() {
        return byCountry;
    }

    public Window of(String country) {
        return country == null ? standard : byCountry.getOrDefault(country, standard);
    }
}
