package org.followthrough.desk.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages say when a prospect's calling hours open again. */
final class LegalHours {

    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    private LegalHours() {}

    /** "Outside their calling hours now; they open at 08:00 EDT" (or on another day, with the day). */
    static String opens(Instant opens, ZoneId theirs, Instant now) {
        var at = opens.atZone(theirs);
        var sameDay = at.toLocalDate().equals(now.atZone(theirs).toLocalDate());
        return "Outside their calling hours now; they open "
                + (sameDay ? "at " + at.format(SAME_DAY) : at.format(OTHER_DAY));
    }
}
