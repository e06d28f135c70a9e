package org.followthrough.prospects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the world says about time zones, read once from {@code places/}: the zones of each country
 * (the tz database's zone.tab), how many people live in each zone of a country with several
 * (GeoNames), the zones of the United States' states (GeoNames), and the zone of the places libphonenumber's geocoder names inside phone areas that span
 * several zones (GeoNames). Each file names its source, licence and date; {@code tools/places} derives them.
 */
final class ZoneFacts {

    private static final Map<String, List<ZoneId>> COUNTRY_ZONES = new HashMap<>();
    private static final Map<String, Long> PEOPLE = new HashMap<>();
    private static final Map<String, Set<ZoneId>> PLACES = new HashMap<>();
    private static final Map<String, Set<ZoneId>> REGIONS = new HashMap<>();
    /** "US America/Chicago": the zones the region data places somebody in, by country. */
    private static final Set<String> REGIONAL = new java.util.HashSet<>();

    static {
        read("/places/country-zones.tsv", c -> known(c[1]).ifPresent(zone -> COUNTRY_ZONES
                .computeIfAbsent(c[0], k -> new ArrayList<>())
                .add(zone)));
        read("/places/zone-populations.tsv", c -> PEOPLE.put(c[0] + " " + c[1], Long.parseLong(c[2])));
        read("/places/region-zones.tsv", c -> {
            REGIONS.computeIfAbsent(c[0], k -> new LinkedHashSet<>()).add(ZoneId.of(c[1]));
            REGIONAL.add(c[0].substring(0, 2) + " " + c[1]);
        });
        read("/places/place-zones.tsv", c -> {
            PLACES.computeIfAbsent(placeKey(c[0], null, c[2]), k -> new LinkedHashSet<>())
                    .add(ZoneId.of(c[3]));
            if (!c[1].isEmpty()) {
                PLACES.computeIfAbsent(placeKey(c[0], c[1], c[2]), k -> new LinkedHashSet<>())
                        .add(ZoneId.of(c[3]));
            }
        });
    }

    private ZoneFacts() {}

    /** The country's zones as the tz database lists them; empty for a country it does not list. */
    static List<ZoneId> ofCountry(String country) {
        return country == null ? List.of() : COUNTRY_ZONES.getOrDefault(country, List.of());
    }

    /** How many people live in the zone, in a country with several zones; -1 when the data has no figure. */
    static long people(String country, ZoneId zone) {
        return PEOPLE.getOrDefault(country + " " + zone.getId(), -1L);
    }

    /**
     * Whether the zone may be the region's (ISO 3166-2): people of the region live in it, or the data
     * covers the region's country but places nobody of it in that zone (a zone of a few hundred people,
     * such as America/Adak, falls below GeoNames' places of 500). True when the data does not cover the
     * region's country at all.
     */
    static boolean mayBeIn(ZoneId zone, String region) {
        var zones = REGIONS.get(region);
        if (zones == null) {
            return true;
        }
        return zones.contains(zone) || !REGIONAL.contains(region.substring(0, 2) + " " + zone.getId());
    }

    /** The zones a place of this name lies in (in {@code region} when known); empty when it is not listed. */
    static Set<ZoneId> ofPlace(String country, String region, String place) {
        var found = region == null ? null : PLACES.get(placeKey(country, region, place));
        return found != null ? found : PLACES.getOrDefault(placeKey(country, null, place), Set.of());
    }

    /**
     * The zone, when the JDK's rules know it: the tz database's list can be newer than the JDK running
     * FollowThrough (America/Coyhaique came in 2025b), and a zone without rules cannot be planned in.
     */
    private static java.util.Optional<ZoneId> known(String id) {
        try {
            return java.util.Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException newerThanTheJdk) {
            return java.util.Optional.empty();
        }
    }

    private static String placeKey(String country, String region, String place) {
        var plain = Normalizer.normalize(place, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return country + "|" + (region == null ? "" : region) + "|"
                + plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static void read(String resource, Consumer<String[]> row) {
        var stream = ZoneFacts.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException(resource + " is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    row.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
