package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.followthrough.common.Regions;
import org.followthrough.common.TimeZones;
import org.junit.jupiter.api.Test;

/**
 * The place data FollowThrough infers zones from names its source, licence and date, and holds only
 * canonical zones the tz database defines; ISO 3166-2 codes fit the column that keeps a region.
 */
class PlaceDataTest {

    static final List<String> FILES = List.of(
            "/places/country-zones.tsv",
            "/places/zone-populations.tsv",
            "/places/region-zones.tsv",
            "/places/place-zones.tsv",
            "/places/regions.tsv");

    @Test
    void everyFileNamesItsSourceLicenceAndDateAndHowItWasDerived() throws Exception {
        for (var file : FILES) {
            try (var in = PlaceDataTest.class.getResourceAsStream(file)) {
                var header = new String(in.readNBytes(1_000), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(header)
                        .as(file)
                        .contains("Source", "tools/places/derive.mjs")
                        .containsPattern("20\\d\\d-\\d\\d-\\d\\d");
                assertThat(header).as(file).containsAnyOf("CC BY 4.0", "MIT", "public domain");
            }
        }
    }

    @Test
    void everyZoneIsCanonicalAndDefinedByTheTzDatabase() {
        for (var file : FILES.subList(0, 4)) {
            for (var row : WorldFacts.rows(file)) {
                for (var column : row) {
                    if (column.contains("/")) {
                        assertThat(TimeZones.isLink(column))
                                .as(file + ": " + column + " is canonical")
                                .isFalse();
                        if (WorldFacts.known(column)) {
                            assertThat(ZoneId.of(column).getRules()).isNotNull();
                        }
                    }
                }
            }
        }
    }

    @Test
    void regionsAreIso31662CodesThatFitTheirColumn() {
        var rows = WorldFacts.rows("/places/regions.tsv");
        assertThat(rows).hasSizeGreaterThan(4_000);
        for (var row : rows) {
            assertThat(row[0]).matches("[A-Z]{2}-[A-Z0-9]{1,3}");
            assertThat(row[0].length()).isLessThanOrEqualTo(Regions.MAX_LENGTH);
        }
        assertThat(Regions.parse("AK", "US")).contains("US-AK");
        assertThat(Regions.parse("western australia", "AU")).contains("AU-WA");
        assertThat(Regions.parse("Newfoundland and Labrador", "CA")).contains("CA-NL");
        assertThat(Regions.parse("AU-WA", "US")).isEmpty();
    }

    @Test
    void theMostPopulousZoneOfACountryIsTheOneWithTheMostPeopleInTheFile() {
        // the file sums GeoNames' places per zone: its order is the derivation's, checked here against itself
        for (var country : List.of("US", "AU", "RU", "CA", "BR")) {
            var zones = WorldFacts.countryZones(country);
            var most = WorldFacts.mostPopulous(country, zones);
            for (var zone : zones) {
                assertThat(WorldFacts.people(country, zone)).isLessThanOrEqualTo(WorldFacts.people(country, most));
            }
        }
    }
}
