package org.followthrough.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Where a prospect is: the time zone they are shown in, their country (ISO 3166 alpha-2; null when
 * unknown), their region within it (ISO 3166-2, such as {@code US-AK}; null when unknown) and every
 * zone they may be in. While the zone is not certain (a number whose area spans several zones, a
 * country with several) {@code candidates} holds each of them, {@code zone} first; the rules about
 * legal hours must then hold in every one. A certain zone is its own only candidate.
 */
public record Place(ZoneId zone, String country, String region, List<ZoneId> candidates) {

    public Place {
        Objects.requireNonNull(zone, "zone");
        var all = new ArrayList<ZoneId>();
        all.add(zone);
        if (candidates != null) {
            candidates.stream().filter(z -> !all.contains(z)).forEach(all::add);
        }
        candidates = List.copyOf(all);
    }

    /** A place whose zone is certain and whose region is unknown. */
    public Place(ZoneId zone, String country) {
        this(zone, country, null, List.of());
    }

    /** Whether the prospect may be in more than one zone. */
    public boolean zoneUncertain() {
        return candidates.size() > 1;
    }

    /** A short key naming the place: the same for every place whose legal hours are checked alike. */
    public String key() {
        var text = zone.getId()
                + '|'
                + country
                + '|'
                + region
                + '|'
                + String.join(",", candidates.stream().map(Object::toString).toList());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
