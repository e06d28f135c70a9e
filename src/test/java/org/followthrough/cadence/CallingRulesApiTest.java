package org.followthrough.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.calendar.HolidaysReferenceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Previews over each country's holidays skip the official ones (the reference table of official
 * lists), a region's days apply with the region, and the calling rules administrators change — hours
 * and the organisation's days off — move what the planner does at once.
 */
@ApplicationTest
class CallingRulesApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    record Case(String country, String zone, String start, String secondCallOn) {}

    @Test
    void previewsOverEachCountrysHolidaysSkipTheOfficialOnes() throws Exception {
        var cases = List.of(
                new Case("JP", "Asia/Tokyo", "2026-02-20T18:00", "2026-02-24"), // Emperor's Birthday, Mon 23 Feb
                new Case("IN", "Asia/Kolkata", "2026-10-19T18:00", "2026-10-21"), // Dussehra, Tue 20 Oct
                new Case("KR", "Asia/Seoul", "2026-09-23T18:00", "2026-09-29"), // Chuseok, then a Monday R4 avoids
                new Case("CA", "America/Toronto", "2027-12-24T17:00", "2027-12-28"), // Christmas observed Mon 27 Dec
                new Case("SG", "Asia/Singapore", "2026-02-16T18:00", "2026-02-19"), // Chinese New Year, 17-18 Feb
                new Case("US", "America/Chicago", "2026-10-09T18:00", "2026-10-13"), // Columbus Day, Mon 12 Oct
                new Case("SA", "Asia/Riyadh", "2026-09-22T18:00", "2026-09-24"), // National Day; Thursday works
                new Case("GB", "Europe/London", "2026-04-02T18:00", "2026-04-07")); // Good Friday, Easter Monday
        var reference = HolidaysReferenceTest.reference();
        for (var c : cases) {
            var body = preview("first-time-calls", c.start(), c.zone(), c.country(), null);
            var calls = callDates(body, c.zone());
            assertThat(calls.get(1))
                    .as("%s: the second call", c.country())
                    .isEqualTo(LocalDate.parse(c.secondCallOn()));
            assertThat(calls)
                    .as("%s: no call on an official holiday", c.country())
                    .doesNotContainAnyElementsOf(reference.get(c.country()));
        }
    }

    @Test
    void aRegionsHolidaysApplyWhenTheRegionIsKnown() throws Exception {
        var berlin = callDates(
                preview("first-time-calls", "2026-01-05T18:00", "Europe/Berlin", "DE", null), "Europe/Berlin");
        var munich = callDates(
                preview("first-time-calls", "2026-01-05T18:00", "Europe/Berlin", "DE", "DE-BY"), "Europe/Berlin");
        assertThat(berlin.get(1)).isEqualTo(LocalDate.of(2026, 1, 6));
        assertThat(munich.get(1)).as("Epiphany is a holiday in Bavaria").isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(mvc.post()
                        .uri("/api/v1/cadences/preview")
                        .header("Authorization", given.bearer(given.rep()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cadence\":\"first-time-calls\",\"start\":\"2026-01-05T18:00\","
                                + "\"timeZone\":\"Europe/Berlin\",\"country\":\"DE\",\"region\":\"US-TX\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("region");
    }

    @Test
    void theOrganisationsDaysOffAreSkippedOnceAnAdministratorAddsThem() throws Exception {
        var admin = given.admin();
        var before = callDates(
                preview("first-time-calls", "2031-03-04T18:00", "America/Chicago", "US", null), "America/Chicago");
        assertThat(before.get(1)).isEqualTo(LocalDate.of(2031, 3, 5));
        assertThat(mvc.post()
                        .uri("/api/v1/admin/days-off")
                        .header("Authorization", given.bearer(given.manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2031-03-05\",\"name\":\"Company retreat\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/admin/days-off")
                        .header("Authorization", given.bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"5 March\",\"name\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("date");
        try {
            assertThat(mvc.post()
                            .uri("/api/v1/admin/days-off")
                            .header("Authorization", given.bearer(admin))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"date\":\"2031-03-05\",\"name\":\"Company retreat\"}"))
                    .hasStatus(HttpStatus.CREATED);
            var after = callDates(
                    preview("first-time-calls", "2031-03-04T18:00", "America/Chicago", "US", null), "America/Chicago");
            assertThat(after.get(1)).isEqualTo(LocalDate.of(2031, 3, 6));
            assertThat(mvc.get().uri("/api/v1/admin/days-off").header("Authorization", given.bearer(given.manager())))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$[*].name")
                    .asArray()
                    .contains("Company retreat");
        } finally {
            assertThat(mvc.delete()
                            .uri("/api/v1/admin/days-off/2031-03-05")
                            .header("Authorization", given.bearer(admin)))
                    .hasStatus(HttpStatus.NO_CONTENT);
        }
        assertThat(callDates(
                                preview("first-time-calls", "2031-03-04T18:00", "America/Chicago", "US", null),
                                "America/Chicago")
                        .get(1))
                .isEqualTo(LocalDate.of(2031, 3, 5));
    }

    @Test
    void anAdministratorNarrowsACountrysHoursAndTheShippedOnesComeBack() throws Exception {
        var admin = given.admin();
        // a missed appointment's voicemail is left at its minute, moved into the legal hours
        var before = preview("missed-appointment", "2031-03-04T09:30", "Asia/Tokyo", "JP", null);
        assertThat(firstCall(before, "Asia/Tokyo")).hasToString("09:30");
        assertThat(mvc.put()
                        .uri("/api/v1/admin/calling-hours")
                        .header("Authorization", given.bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"overrides\":[{\"where\":\"Japan\",\"days\":\"MON-FRI\",\"hours\":\"10-18\"}]}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("overrides[0].where");
        try {
            assertThat(mvc.put()
                            .uri("/api/v1/admin/calling-hours")
                            .header("Authorization", given.bearer(admin))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"overrides\":[{\"where\":\"JP\",\"days\":\"MON-FRI\",\"hours\":\"10:00-18:00\","
                                    + "\"source\":\"our counsel\"}]}"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.overrides[0].hours")
                    .isEqualTo("10:00–18:00");
            var after = preview("missed-appointment", "2031-03-04T09:30", "Asia/Tokyo", "JP", null);
            assertThat(firstCall(after, "Asia/Tokyo")).hasToString("10:00");
        } finally {
            assertThat(mvc.put()
                            .uri("/api/v1/admin/calling-hours")
                            .header("Authorization", given.bearer(admin))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"overrides\":[]}"))
                    .hasStatusOk();
        }
        assertThat(firstCall(preview("missed-appointment", "2031-03-04T09:30", "Asia/Tokyo", "JP", null), "Asia/Tokyo"))
                .hasToString("09:30");
        assertThat(mvc.get().uri("/api/v1/admin/calling-hours").header("Authorization", given.bearer(given.rep())))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theWeekdaysSkippedInACountryAreListed() {
        var json = assertThat(mvc.get()
                        .uri("/api/v1/admin/skipped-days?country=JP&days=3660")
                        .header("Authorization", given.bearer(given.manager())))
                .hasStatusOk()
                .bodyJson();
        json.extractingPath("$.days[*].date").asArray().contains("2027-02-23").doesNotContain("2027-12-23");
        assertThat(mvc.get()
                        .uri("/api/v1/admin/skipped-days?country=Atlantis")
                        .header("Authorization", given.bearer(given.manager())))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("country");
    }

    private String preview(String cadence, String start, String zone, String country, String region)
            throws java.io.UnsupportedEncodingException {
        var result = mvc.post()
                .uri("/api/v1/cadences/preview")
                .header("Authorization", given.bearer(given.rep()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"cadence\":\"" + cadence + "\",\"start\":\"" + start + "\",\"timeZone\":\"" + zone
                        + "\",\"country\":\"" + country + "\""
                        + (region == null ? "" : ",\"region\":\"" + region + "\"")
                        + "}")
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<LocalDate> callDates(String body, String zone) {
        List<String> ats = JsonPath.read(body, "$.steps[?(@.channel == 'CALL')].at");
        return ats.stream()
                .map(at -> OffsetDateTime.parse(at)
                        .atZoneSameInstant(ZoneId.of(zone))
                        .toLocalDate())
                .toList();
    }

    private static java.time.LocalTime firstCall(String body, String zone) {
        List<String> ats = JsonPath.read(body, "$.steps[?(@.channel == 'CALL' || @.channel == 'VOICEMAIL')].at");
        return OffsetDateTime.parse(ats.get(0))
                .atZoneSameInstant(ZoneId.of(zone))
                .toLocalTime();
    }
}
