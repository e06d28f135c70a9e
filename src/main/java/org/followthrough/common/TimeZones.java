package org.followthrough.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Reads a time zone the way people write it: an IANA name such as {@code America/New_York}. */
public final class TimeZones {

    private TimeZones() {}

    public static Optional<ZoneId> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var trimmed = text.trim();
        if (!trimmed.contains("/") && !trimmed.equals("UTC")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(trimmed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static String hint() {
        return "use an IANA time zone such as America/New_York or Europe/Berlin";
    }
}
