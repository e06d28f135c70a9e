package org.followthrough.calendar;

import java.time.ZoneId;
import java.util.Objects;

/** Where a prospect is: their time zone and their country (ISO 3166 alpha-2; null when unknown). */
public record Place(ZoneId zone, String country) {

    public Place {
        Objects.requireNonNull(zone, "zone");
    }
}
