package org.followthrough.prospects;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.followthrough.common.Regions;

/**
 * Where a prospect may be, from their phone, country and region (R1), saying honestly how sure it is.
 *
 * <ul>
 *   <li>A number libphonenumber ties to a place gives the zones of its area, those of its own country;
 *       the place its geocoder names ("Fairbanks, AK", "Perth") or the region narrows them when the place
 *       lies in fewer of them.
 *   <li>A number tied to no place (a mobile in most countries, toll-free, shared-cost, VoIP) says nothing of
 *       where in its country the person is: every zone of the country is a candidate.
 *   <li>A country alone gives its zones, narrowed by the region when it is known.
 * </ul>
 *
 * Of several candidates the zone where most of their people live is taken (the population file names
 * its source), and the note says so; without figures for them, the first libphonenumber lists, saying
 * that instead. Until a rep confirms the zone, the engine keeps to hours legal in every candidate.
 */
final class ZoneInference {

    /** What the note may hold: the prospects table keeps 300 characters. */
    static final int NOTE_LENGTH = 300;

    /** The zone chosen, every zone the prospect may be in (the chosen first), the region and why. */
    record Inferred(ZoneId zone, List<ZoneId> candidates, String region, String note) {}

    private ZoneInference() {}

    /**
     * From the phone; {@code country} is the prospect's, which a number tied to no place says nothing
     * against (a toll-free +1 800 number serves Canada as well as the United States).
     */
    static Optional<Inferred> fromPhone(PhoneNumbers.Parsed phone, String givenRegion, String prospectCountry) {
        boolean placed = phone.geographic() && !phone.zones().isEmpty();
        var country = placed || prospectCountry == null ? phone.region() : prospectCountry;
        var region = givenRegion != null ? givenRegion : regionNamed(phone.place(), phone.region());
        var countryZones = ZoneFacts.ofCountry(country);
        List<ZoneId> candidates;
        String where;
        if (placed) {
            candidates = within(phone.zones(), countryZones);
            where = "The number's area" + (phone.place().isBlank() ? "" : " (" + shortened(phone.place()) + ")");
        } else {
            candidates = countryZones.isEmpty() ? phone.zones() : countryZones;
            where = country == null
                    ? "A " + phone.kind() + " number of no country"
                    : "A " + phone.kind() + " number says nothing of where in the country the person is: " + country;
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        var narrowing = narrowed(candidates, country, region, givenRegion != null, placeName(phone.place()));
        return Optional.of(chosen(narrowing, candidates.size(), phone.zones(), country, region, where));
    }

    static Optional<Inferred> fromCountry(String country, String region) {
        var zones = ZoneFacts.ofCountry(country);
        if (zones.isEmpty()) {
            zones = PhoneNumbers.zonesOfCountry(country);
        }
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        var narrowing = narrowed(zones, country, region, true, null);
        return Optional.of(chosen(narrowing, zones.size(), List.of(), country, region, country));
    }

    /**
     * The zones of {@code zones} that lie in the country. When none does (libphonenumber maps a few
     * places to a neighbour's zone), the country's own by the tz database; libphonenumber's when the tz
     * database does not list the country.
     */
    private static List<ZoneId> within(List<ZoneId> zones, List<ZoneId> country) {
        var inside = zones.stream().filter(country::contains).toList();
        return !inside.isEmpty() ? inside : country.isEmpty() ? zones : country;
    }

    /** Candidates after what narrowed them, and what that was (null when nothing did). */
    private record Narrowing(List<ZoneId> zones, String by) {}

    /** The candidates the named place or the region lies in, when that leaves any; else all of them. */
    private static Narrowing narrowed(
            List<ZoneId> candidates, String country, String region, boolean regionGiven, String place) {
        if (candidates.size() < 2) {
            return new Narrowing(candidates, null);
        }
        if (place != null) {
            var atPlace = ZoneFacts.ofPlace(country, region, place);
            var kept = candidates.stream().filter(atPlace::contains).toList();
            if (!kept.isEmpty()) {
                return new Narrowing(kept, "The place the number's area names (" + shortened(place) + ")");
            }
        }
        if (region != null) {
            var kept = candidates.stream()
                    .filter(zone -> ZoneFacts.mayBeIn(zone, region))
                    .toList();
            if (!kept.isEmpty() && kept.size() < candidates.size()) {
                return new Narrowing(
                        kept,
                        regionGiven ? "The region " + region : "The number's region (" + Regions.name(region) + ")");
            }
        }
        return new Narrowing(candidates, null);
    }

    /**
     * The zone taken from the candidates, and the note that says why; no note when there was only ever one
     * zone ({@code before} is how many candidates there were before narrowing).
     */
    private static Inferred chosen(
            Narrowing narrowing, int before, List<ZoneId> listed, String country, String region, String where) {
        var candidates = narrowing.zones();
        var from = narrowing.by() != null ? narrowing.by() : where;
        if (candidates.size() == 1) {
            var only = candidates.get(0);
            return new Inferred(
                    only, candidates, region, before == 1 ? null : fit(from + " lies in " + only.getId() + "."));
        }
        // the chosen zone is one libphonenumber lists for the number, when it lists any of the candidates
        var pool = candidates.stream().filter(listed::contains).toList();
        if (pool.isEmpty()) {
            pool = candidates;
        }
        var populous = pool.stream()
                .filter(z -> ZoneFacts.people(country, z) >= 0)
                .max(Comparator.comparingLong(z -> ZoneFacts.people(country, z)));
        var zone = populous.orElse(pool.get(0));
        var ordered = new ArrayList<ZoneId>(candidates.size());
        ordered.add(zone);
        candidates.stream().filter(z -> !z.equals(zone)).forEach(ordered::add);
        var why = populous.isPresent()
                ? "took " + zone.getId() + ", the most populous of them (GeoNames)"
                : "no population figures for them; took " + zone.getId() + ", the first listed";
        return new Inferred(
                zone,
                ordered,
                region,
                fit(from + " spans " + spread(ordered) + "; " + why + ". Confirm the zone with the prospect."));
    }

    private static String spread(List<ZoneId> zones) {
        if (zones.size() > 4) {
            return zones.size() + " time zones";
        }
        return zones.size() + " time zones ("
                + String.join(", ", zones.stream().map(ZoneId::getId).toList()) + ")";
    }

    /**
     * The place a geocoder description names: "Fairbanks, AK" names Fairbanks, "Perth" Perth; a
     * description that is a region's name ("Alaska") names no place.
     */
    private static String placeName(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        int comma = description.lastIndexOf(',');
        return comma < 0 ? description.strip() : description.substring(0, comma).strip();
    }

    /** The region a geocoder description names: "Fairbanks, AK" and "Alaska" both name US-AK. */
    static String regionNamed(String description, String country) {
        if (description == null || description.isBlank()) {
            return null;
        }
        int comma = description.lastIndexOf(',');
        var named = comma < 0 ? description : description.substring(comma + 1);
        return Regions.parse(named.strip(), country).orElse(null);
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** Every note fits its column, whatever the data holds: a note cut short says so. */
    static String fit(String note) {
        return note.length() <= NOTE_LENGTH ? note : note.substring(0, NOTE_LENGTH - 3) + "...";
    }
}
