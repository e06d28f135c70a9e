package org.followthrough.prospects;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.followthrough.common.TimeZones;

/**
 * The independent sources the zone tests take their expected values from, read here without
 * FollowThrough's own code: libphonenumber (its zone map and geocoder) and the place files with their
 * named sources (the tz database's zone.tab, GeoNames' populations).
 */
final class WorldFacts {

    static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private WorldFacts() {}

    static PhoneNumber number(String e164) {
        try {
            return PHONES.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalArgumentException(e164, e);
        }
    }

    /** libphonenumber's zones for the number, under their canonical names, the unknown zone left out. */
    static Set<String> libphonenumberZones(String e164) {
        var zones = new LinkedHashSet<String>();
        for (var zone : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number(e164))) {
            if (!zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                zones.add(TimeZones.canonical(zone));
            }
        }
        return zones;
    }

    /** The country's zones by the tz database's zone.tab, those the JDK's rules know. */
    static Set<String> countryZones(String country) {
        var zones = new LinkedHashSet<String>();
        for (var row : rows("/places/country-zones.tsv")) {
            if (row[0].equals(country) && known(row[1])) {
                zones.add(row[1]);
            }
        }
        return zones;
    }

    /** People living in the zone of the country by GeoNames, -1 when the file has no figure. */
    static long people(String country, String zone) {
        for (var row : rows("/places/zone-populations.tsv")) {
            if (row[0].equals(country) && row[1].equals(zone)) {
                return Long.parseLong(row[2]);
            }
        }
        return -1;
    }

    /** The zone of {@code zones} with the most people by GeoNames. */
    static String mostPopulous(String country, Set<String> zones) {
        return zones.stream()
                .filter(z -> people(country, z) >= 0)
                .max(java.util.Comparator.comparingLong(z -> people(country, z)))
                .orElseThrow(() -> new AssertionError("no population figures for " + zones));
    }

    static List<String[]> rows(String resource) {
        try (var in = WorldFacts.class.getResourceAsStream(resource)) {
            var rows = new ArrayList<String[]>();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean known(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
