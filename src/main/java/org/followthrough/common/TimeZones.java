package org.followthrough.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a time zone the way people write it: an IANA name such as {@code America/New_York}. Every
 * zone FollowThrough keeps is canonical: a backward name ({@code Asia/Calcutta}, {@code US/Eastern})
 * becomes the zone it links to ({@code Asia/Kolkata}, {@code America/New_York}), so a zone is stored,
 * compared and written into a calendar invitation under one name only. The links are the IANA tz
 * database's own, kept in {@code tz/backward-links.tsv} with the release they come from.
 */
public final class TimeZones {

    private static final Map<String, String> LINKS = links();

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
            return Optional.of(canonical(ZoneId.of(trimmed)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The canonical IANA zone of this one: itself, or the zone its backward name links to. */
    public static ZoneId canonical(ZoneId zone) {
        var target = LINKS.get(zone.getId());
        return target == null ? zone : ZoneId.of(target);
    }

    /** The canonical IANA name of a zone name the JDK knows ({@code Asia/Calcutta} gives {@code Asia/Kolkata}). */
    public static String canonical(String zoneId) {
        return LINKS.getOrDefault(zoneId, zoneId);
    }

    /** Whether the name is a backward name of another zone rather than a zone of its own. */
    public static boolean isLink(String zoneId) {
        return LINKS.containsKey(zoneId);
    }

    public static String hint() {
        return "use an IANA time zone such as America/New_York or Europe/Berlin";
    }

    private static Map<String, String> links() {
        var stream = TimeZones.class.getResourceAsStream("/tz/backward-links.tsv");
        if (stream == null) {
            throw new IllegalStateException("tz/backward-links.tsv is missing from the classpath");
        }
        var links = new HashMap<String, String>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t");
                links.put(columns[0], columns[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(links);
    }
}
