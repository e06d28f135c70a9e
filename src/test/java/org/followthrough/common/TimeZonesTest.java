package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import org.junit.jupiter.api.Test;

/**
 * Canonical zone names against the JDK's own tz database: every backward name in the links table must
 * be a zone the JDK knows, with the same rules as the zone it links to, and no canonical name may be
 * a link itself.
 */
class TimeZonesTest {

    @Test
    void backwardNamesBecomeTheZoneTheyLinkTo() {
        assertThat(TimeZones.parse("Asia/Calcutta")).contains(ZoneId.of("Asia/Kolkata"));
        assertThat(TimeZones.parse("US/Eastern")).contains(ZoneId.of("America/New_York"));
        assertThat(TimeZones.parse("Europe/Kiev")).contains(ZoneId.of("Europe/Kyiv"));
        assertThat(TimeZones.canonical("Europe/Amsterdam")).isEqualTo("Europe/Amsterdam");
    }

    @Test
    void everyLinkTheJdkKnowsKeepsItsRulesAndPointsAtAZone() {
        var jdk = ZoneRulesProvider.getAvailableZoneIds();
        var instants = new Instant[] {
            Instant.parse("2000-01-15T12:00:00Z"),
            Instant.parse("2024-07-15T12:00:00Z"),
            Instant.parse("2027-01-15T12:00:00Z")
        };
        int checked = 0;
        for (var id : jdk) {
            var canonical = TimeZones.canonical(id);
            assertThat(TimeZones.isLink(canonical))
                    .as("%s -> %s", id, canonical)
                    .isFalse();
            if (!canonical.equals(id) && jdk.contains(canonical)) {
                for (var at : instants) {
                    assertThat(ZoneId.of(canonical).getRules().getOffset(at))
                            .as("%s and %s at %s", id, canonical, at)
                            .isEqualTo(ZoneId.of(id).getRules().getOffset(at));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
