package org.followthrough.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The legal calling hours in the prospect's local time (R2), as data: 08:00–21:00 everywhere by
 * default (US TCPA), and narrower where a country's or a region's law says so, weekday by weekday
 * ({@code calendar/calling-hours.csv}, each row citing its law). A place's hours on a weekday are
 * those of every rule that applies to it at once — everywhere, its country, its region — so a
 * region's rule can only narrow its country's. A later rule for the same place and weekday replaces
 * an earlier one: that is how an administrator's change overrides the shipped row.
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

        /** Parses {@code 09:00-20:00}; {@code 24:00} is the end of the day. */
        public static Window parse(String text) {
            var parts = text.trim().split("\\s*[-–]\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a calling window looks like 09:00-20:00, not " + text);
            }
            try {
                return new Window(time(parts[0]), time(parts[1]));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("a calling window looks like 09:00-20:00, not " + text);
            }
        }

        private static LocalTime time(String text) {
            return text.equals("24:00") ? LocalTime.MAX : LocalTime.parse(text);
        }

        @Override
        public String toString() {
            return from + "–" + (until.equals(LocalTime.MAX) ? "24:00" : until.toString());
        }
    }

    /**
     * One rule: where it applies ({@code *} everywhere, a country such as {@code FR}, a region such as
     * {@code US-FL}), on which weekdays, the hours allowed (none: no calls that day) and the law it
     * follows.
     */
    public record Rule(String where, Set<DayOfWeek> days, List<Window> hours, String source) {

        private static final Pattern WHERE = Pattern.compile("\\*|[A-Z]{2}(-[A-Z0-9]{1,3})?");

        public Rule {
            if (where == null || !WHERE.matcher(where).matches()) {
                throw new IllegalArgumentException("where is *, a country (FR) or a region (US-FL), not " + where);
            }
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("a rule applies on at least one weekday");
            }
            days = Set.copyOf(days);
            hours = hours.stream()
                    .sorted(java.util.Comparator.comparing(Window::from))
                    .toList();
            for (int i = 1; i < hours.size(); i++) {
                if (hours.get(i).from().isBefore(hours.get(i - 1).until())) {
                    throw new IllegalArgumentException("the hours of one day may not overlap: " + hours);
                }
            }
            source = source == null ? "" : source.strip();
        }

        /** Reads {@code MON-FRI} or {@code SAT,SUN}; {@code 10:00-13:00 14:00-20:00} or {@code none}. */
        public static Rule parse(String where, String days, String hours, String source) {
            var code = where == null ? null : where.strip().toUpperCase(Locale.ROOT);
            if (code == null || !WHERE.matcher(code).matches()) {
                throw new IllegalArgumentException("where is *, a country (FR) or a region (US-FL), not " + where);
            }
            return new Rule(code, weekdays(days), windows(hours), source);
        }

        /** The weekdays as people write them: runs of three or more as a range, MON-FRI,SUN. */
        public String daysText() {
            var parts = new ArrayList<String>();
            var all = DayOfWeek.values();
            for (int i = 0; i < all.length; i++) {
                if (!days.contains(all[i])) {
                    continue;
                }
                int last = i;
                while (last + 1 < all.length && days.contains(all[last + 1])) {
                    last++;
                }
                if (last - i >= 2) {
                    parts.add(abbreviation(all[i]) + "-" + abbreviation(all[last]));
                } else {
                    for (int d = i; d <= last; d++) {
                        parts.add(abbreviation(all[d]));
                    }
                }
                i = last;
            }
            return String.join(",", parts);
        }

        private static String abbreviation(DayOfWeek day) {
            return day.name().substring(0, 3);
        }

        public String hoursText() {
            return hours.isEmpty()
                    ? "none"
                    : String.join(" ", hours.stream().map(Window::toString).toList());
        }

        private static Set<DayOfWeek> weekdays(String text) {
            var days = EnumSet.noneOf(DayOfWeek.class);
            for (var part : (text == null ? "" : text).toUpperCase(Locale.ROOT).split("\\s*,\\s*")) {
                var range = part.strip().split("\\s*-\\s*");
                if (range.length == 0 || range[0].isEmpty()) {
                    continue;
                }
                var first = weekday(range[0]);
                var last = range.length > 1 ? weekday(range[1]) : first;
                for (var d = first; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            }
            if (days.isEmpty()) {
                throw new IllegalArgumentException("days look like MON-FRI or SAT,SUN, not " + text);
            }
            return days;
        }

        private static DayOfWeek weekday(String text) {
            return Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().startsWith(text) && text.length() >= 3)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("days look like MON-FRI or SAT,SUN, not " + text));
        }

        private static List<Window> windows(String text) {
            if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
                return List.of();
            }
            return Arrays.stream(text.strip().split("\\s+|\\s*;\\s*"))
                    .map(Window::parse)
                    .toList();
        }
    }

    public static final Window DEFAULT = new Window(LocalTime.of(8, 0), LocalTime.of(21, 0));

    static final String EVERYWHERE = "*";

    private final List<Rule> rules;
    private final Map<String, List<List<Window>>> resolved = new ConcurrentHashMap<>();

    public CallingWindows(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Everywhere {@code standard}, and each of {@code byCountry} only narrower, every day of the week. */
    public CallingWindows(Window standard, Map<String, Window> byCountry) {
        this(rules(standard, byCountry));
    }

    public static CallingWindows standard() {
        return new CallingWindows(DEFAULT, Map.of());
    }

    /** The rules FollowThrough ships, read from {@code calendar/calling-hours.csv}. */
    public static CallingWindows shipped() {
        return new CallingWindows(DataFile.read("/calendar/calling-hours.csv").stream()
                .map(row -> Rule.parse(
                        row.getField("where"), row.getField("days"), row.getField("hours"), row.getField("source")))
                .toList());
    }

    /** These rules with {@code more} after them: for the same place and weekday, {@code more} decides. */
    public CallingWindows with(List<Rule> more) {
        var all = new ArrayList<>(rules);
        all.addAll(more);
        return new CallingWindows(all);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The window for every country without its own, on a Wednesday. */
    public Window everywhere() {
        return envelope(hours(null, null, DayOfWeek.WEDNESDAY));
    }

    /** The countries with a rule of their own, by ISO code, with their hours on a Wednesday. */
    public Map<String, Window> byCountry() {
        var countries = new TreeMap<String, Window>();
        rules.stream()
                .map(Rule::where)
                .filter(w -> w.length() == 2)
                .forEach(c -> countries.put(c, envelope(hours(c, null, DayOfWeek.WEDNESDAY))));
        return countries;
    }

    /**
     * The country's hours on a Wednesday, first to last: what a person is told as "the window". Whether
     * a moment is legal is {@link #hours}'s to say (or {@link CallCalendar#isLegal}, which reads it).
     */
    public Window of(String country) {
        return envelope(hours(country, null, DayOfWeek.WEDNESDAY));
    }

    /** The hours a place may be called on a weekday: none, one window or several, in order. */
    public List<Window> hours(String country, String region, DayOfWeek day) {
        var key = region != null ? region : country != null ? country : EVERYWHERE;
        var week = resolved.get(key);
        if (week == null) {
            week = resolved.computeIfAbsent(key, k -> resolve(country, region));
        }
        return week.get(day.ordinal());
    }

    private List<List<Window>> resolve(String country, String region) {
        var week = new ArrayList<List<Window>>();
        for (var day : DayOfWeek.values()) {
            var hours = List.of(new Window(LocalTime.MIN, LocalTime.MAX));
            for (var where : new String[] {EVERYWHERE, country, region}) {
                var rule = rule(where, day);
                if (rule != null) {
                    hours = intersect(hours, rule.hours());
                }
            }
            week.add(hours);
        }
        return List.copyOf(week);
    }

    private Rule rule(String where, DayOfWeek day) {
        if (where == null) {
            return null;
        }
        Rule found = null;
        for (var rule : rules) {
            if (rule.where().equals(where) && rule.days().contains(day)) {
                found = rule;
            }
        }
        return found;
    }

    static List<Window> intersect(List<Window> a, List<Window> b) {
        var result = new ArrayList<Window>();
        for (var x : a) {
            for (var y : b) {
                var from = x.from().isAfter(y.from()) ? x.from() : y.from();
                var until = x.until().isBefore(y.until()) ? x.until() : y.until();
                if (from.isBefore(until)) {
                    result.add(new Window(from, until));
                }
            }
        }
        result.sort(java.util.Comparator.comparing(Window::from));
        return List.copyOf(result);
    }

    private static Window envelope(List<Window> hours) {
        return hours.isEmpty()
                ? null
                : new Window(hours.get(0).from(), hours.get(hours.size() - 1).until());
    }

    private static List<Rule> rules(Window standard, Map<String, Window> byCountry) {
        var all = new ArrayList<Rule>();
        all.add(new Rule(EVERYWHERE, EnumSet.allOf(DayOfWeek.class), List.of(standard), "configured"));
        byCountry.forEach((country, window) -> {
            if (window.from().isBefore(standard.from()) || window.until().isAfter(standard.until())) {
                throw new IllegalArgumentException("the calling window of " + country + " may only be narrower than "
                        + standard.from() + "–" + standard.until());
            }
            all.add(new Rule(country, EnumSet.allOf(DayOfWeek.class), List.of(window), "configured"));
        });
        return all;
    }
}
