package org.followthrough.messaging;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The day an out-of-office reply says its writer is back, when it says one in English: "back on
 * March 3", "returning 3 March 2027", "until 2027-03-01", "out through Friday, March 5th" (back the
 * day after). A date without a year is the next such day from the reply; a date already past, or
 * more than a year away, is no return date. Weekday names alone ("back Monday") are not read.
 */
final class ReturnDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final String MONTH =
            "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                    + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?\\b";
    private static final String YEAR = "(?:,?\\s+(\\d{4}))?";
    private static final String CUE =
            "\\b(back|return|returning|returns|until|till|til|through|thru)\\b[^.\\n\\d]{0,30}?";
    private static final String WEEKDAY = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?";

    private static final Pattern ISO = Pattern.compile(CUE + WEEKDAY + "(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH_FIRST = Pattern.compile(CUE + WEEKDAY + MONTH + "\\s+" + DAY + YEAR);
    private static final Pattern DAY_FIRST =
            Pattern.compile(CUE + WEEKDAY + "(?:the\\s+)?" + DAY + "\\s+(?:of\\s+)?" + MONTH + YEAR);

    private ReturnDates() {}

    /** The latest return day the text names after a cue word, read from the day the reply came. */
    static Optional<LocalDate> in(String text, LocalDate received) {
        if (text == null) {
            return Optional.empty();
        }
        var lower = text.toLowerCase(Locale.ROOT);
        LocalDate latest = null;
        for (var m = ISO.matcher(lower); m.find(); ) {
            latest = later(latest, date(m.group(1), m.group(2), m.group(3), m.group(4), received));
        }
        for (var m = MONTH_FIRST.matcher(lower); m.find(); ) {
            latest = later(latest, date(m.group(1), m.group(4), month(m.group(2)), m.group(3), received));
        }
        for (var m = DAY_FIRST.matcher(lower); m.find(); ) {
            latest = later(latest, date(m.group(1), m.group(4), month(m.group(3)), m.group(2), received));
        }
        return Optional.ofNullable(latest);
    }

    private static String month(String name) {
        return String.valueOf(MONTHS.get(name.substring(0, 3)));
    }

    private static LocalDate date(String cue, String year, String month, String day, LocalDate received) {
        try {
            LocalDate date;
            if (year != null) {
                date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            } else {
                date = LocalDate.of(received.getYear(), Integer.parseInt(month), Integer.parseInt(day));
                if (date.isBefore(received)) {
                    date = date.plusYears(1);
                }
            }
            if (cue.startsWith("thr")) {
                date = date.plusDays(1);
            }
            return date.isAfter(received) && !date.isAfter(received.plusYears(1)) ? date : null;
        } catch (DateTimeException | NumberFormatException notADay) {
            return null;
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
