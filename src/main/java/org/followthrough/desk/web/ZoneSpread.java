package org.followthrough.desk.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The local time now in each zone a prospect may be in, as the prospect page and the call screen show
 * it while the zone is not confirmed: "08:00 in Anchorage, 07:00 in Adak"; for many zones the one taken
 * and the earliest and latest, so a Russian mobile's eleven hours of spread fit one line.
 */
@Component("zoneSpread")
public class ZoneSpread {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public String of(List<ZoneId> zones, ZonedDateTime now) {
        if (zones.size() <= 4) {
            return String.join(", ", zones.stream().map(z -> at(now, z)).toList());
        }
        var byOffset = Comparator.comparing(
                        (ZoneId z) -> now.withZoneSameInstant(z).getOffset())
                .reversed();
        var earliest = zones.stream().min(byOffset).orElseThrow();
        var latest = zones.stream().max(byOffset).orElseThrow();
        return at(now, zones.get(0)) + "; across " + zones.size() + " zones from " + at(now, earliest) + " to "
                + at(now, latest);
    }

    private static String at(ZonedDateTime now, ZoneId zone) {
        var city = zone.getId().substring(zone.getId().lastIndexOf('/') + 1).replace('_', ' ');
        return now.withZoneSameInstant(zone).format(TIME) + " in " + city;
    }
}
