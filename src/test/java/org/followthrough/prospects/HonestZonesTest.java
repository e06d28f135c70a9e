package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Honest, safe zones (R1): a number or country that spans several zones keeps them all as candidates,
 * the one chosen and a true reason. Every expected value comes from an independent source: libphonenumber
 * (its example numbers, zone map and geocoder), the tz database's zone.tab and GeoNames' populations in
 * {@code places/}, ISO 3166-2 in {@code places/regions.tsv}.
 */
@ApplicationTest
class HonestZonesTest {

    /** Tuesday 18 August 2026, 09:00 in New York. */
    static final Instant TUESDAY = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void tuesday() {
        clock.set(TUESDAY);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void thirtyCountriesNumbersInNationalAndInternationalFormGetLibphonenumbersE164AndAnHonestZone() throws Exception {
        var rep = given.rep();
        var soft = new SoftAssertions();
        var rows = WorldFacts.rows("/phones/thirty-countries.tsv");
        assertThat(rows.stream().map(r -> r[0]).distinct()).hasSizeGreaterThanOrEqualTo(30);
        for (var row : rows) {
            for (var form : List.of(new String[] {row[2], row[0]}, new String[] {row[3], null})) {
                var what = row[0] + " " + row[1] + " " + form[0];
                var body = create(rep, Map.of("phone", form[0]), form[1]);
                soft.assertThat(body.get("phoneE164").asString()).as(what).isEqualTo(row[4]);
                var country = body.get("country").asString();
                var expected = expectedCandidates(row[4], row[1], country);
                soft.assertThat(candidates(body))
                        .as(what + ": candidates")
                        .containsExactlyInAnyOrderElementsOf(expected);
                var note = body.get("timeZoneNote").isNull()
                        ? ""
                        : body.get("timeZoneNote").asString();
                if (expected.size() > 1) {
                    var pool = new LinkedHashSet<>(expected);
                    pool.retainAll(WorldFacts.libphonenumberZones(row[4]));
                    var most = WorldFacts.mostPopulous(country, pool.isEmpty() ? expected : pool);
                    soft.assertThat(body.get("timeZone").asString())
                            .as(what + ": the most populous")
                            .isEqualTo(most);
                    soft.assertThat(note).as(what).contains("most populous", most, "Confirm");
                    soft.assertThat(body.get("timeZoneConfirmed").asBoolean())
                            .as(what)
                            .isFalse();
                } else {
                    soft.assertThat(note)
                            .as(what + ": a single zone is no choice")
                            .doesNotContain("most populous");
                }
            }
        }
        soft.assertAll();
    }

    /**
     * A number libphonenumber ties to a place: its zones in its country (the country's when it names none
     * there); one tied to none (a mobile in most countries, toll-free): every zone of the country.
     */
    private static Set<String> expectedCandidates(String e164, String type, String country) {
        var ofCountry = WorldFacts.countryZones(country);
        var geographic = WorldFacts.PHONES.isNumberGeographical(WorldFacts.number(e164));
        if (!geographic) {
            return ofCountry;
        }
        var inCountry = new LinkedHashSet<>(WorldFacts.libphonenumberZones(e164));
        inCountry.retainAll(ofCountry);
        return inCountry.isEmpty() ? ofCountry : inCountry;
    }

    @Test
    void anAlaskaNumberIsInAnchorageWithAdakAsACandidateAndItsStateAsRegion() throws Exception {
        var phone = "+1 907 555 0123";
        assertThat(geocoded(phone)).as("libphonenumber's geocoder").isEqualTo("Alaska");
        var body = create(given.rep(), Map.of("phone", phone), null);
        var listed = WorldFacts.libphonenumberZones("+19075550123");
        assertThat(candidates(body)).containsExactlyInAnyOrderElementsOf(listed).contains("America/Adak");
        assertThat(body.get("timeZone").asString()).isEqualTo(WorldFacts.mostPopulous("US", listed));
        assertThat(body.get("timeZone").asString()).isEqualTo("America/Anchorage");
        assertThat(body.get("region").asString()).isEqualTo(regionNamed("US", "Alaska"));
        assertThat(body.get("timeZoneNote").asString()).contains("Alaska", "most populous", "America/Adak");
    }

    @Test
    void aNewfoundlandNumberIsInStJohnsTheOnlyOfItsZonesInCanada() throws Exception {
        var phone = "+1 709 555 0123";
        var listed = WorldFacts.libphonenumberZones("+17095550123");
        var inCanada = new LinkedHashSet<>(listed);
        inCanada.retainAll(WorldFacts.countryZones("CA"));
        assertThat(inCanada)
                .as("libphonenumber's zones that zone.tab puts in Canada")
                .hasSize(1);
        var body = create(given.rep(), Map.of("phone", phone), null);
        assertThat(body.get("timeZone").asString())
                .isEqualTo(inCanada.iterator().next())
                .isEqualTo("America/St_Johns");
        assertThat(candidates(body)).containsExactly("America/St_Johns");
        assertThat(body.get("region").asString()).isEqualTo(regionNamed("CA", geocoded(phone)));
    }

    @Test
    void aPerthLandlineIsInPerthNotAdelaide() throws Exception {
        var phone = "+61 8 9220 1234";
        assertThat(geocoded(phone)).isEqualTo("Perth");
        assertThat(WorldFacts.libphonenumberZones("+61892201234")).contains("Australia/Adelaide", "Australia/Perth");
        var placed = WorldFacts.rows("/places/place-zones.tsv").stream()
                .filter(r -> r[0].equals("AU") && r[2].equals("Perth"))
                .map(r -> r[3])
                .toList();
        assertThat(placed)
                .as("GeoNames' Perth in Australia")
                .contains("Australia/Perth")
                .doesNotContain("Australia/Adelaide");
        var body = create(given.rep(), Map.of("phone", phone), null);
        assertThat(body.get("timeZone").asString()).isEqualTo("Australia/Perth");
        assertThat(candidates(body)).containsExactly("Australia/Perth");
        assertThat(body.get("timeZoneNote").asString()).contains("Perth");
    }

    @Test
    void australianAndRussianMobilesAndAUsTollFreeNumberKeepEveryZoneOfTheirCountryAndSayWhichWasTaken()
            throws Exception {
        for (var number : List.of(
                new String[] {"AU", "MOBILE"}, new String[] {"RU", "MOBILE"}, new String[] {"US", "TOLL_FREE"})) {
            var example = WorldFacts.PHONES.getExampleNumberForType(
                    number[0], com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.valueOf(number[1]));
            var e164 = WorldFacts.PHONES.format(
                    example, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164);
            var body = create(given.rep(), Map.of("phone", e164), null);
            var every = WorldFacts.countryZones(number[0]);
            assertThat(candidates(body)).as(e164).containsExactlyInAnyOrderElementsOf(every);
            var pool = new LinkedHashSet<>(every);
            pool.retainAll(WorldFacts.libphonenumberZones(e164));
            var most = WorldFacts.mostPopulous(number[0], pool);
            assertThat(body.get("timeZone").asString()).as(e164).isEqualTo(most);
            assertThat(body.get("timeZoneNote").asString())
                    .as(e164)
                    .contains("says nothing of where", every.size() + " time zones", "most populous", most);
            assertThat(body.get("timeZoneConfirmed").asBoolean()).isFalse();
        }
    }

    @Test
    void aRegionOrStateIsTakenAsIso31662AndABadOneIsNamed() throws Exception {
        var rep = given.rep();
        var byCode = create(rep, Map.of("region", "AK"), "US");
        assertThat(byCode.get("region").asString()).isEqualTo("US-AK");
        assertThat(candidates(byCode)).as("Alaska's zones by GeoNames").contains("America/Anchorage", "America/Juneau");
        assertThat(candidates(byCode)).doesNotContain("America/New_York");
        var byName = create(rep, Map.of("state", "Western Australia"), "AU");
        assertThat(byName.get("region").asString()).isEqualTo(regionNamed("AU", "Western Australia"));
        var countryFromRegion = create(rep, Map.of("region", "CA-NL"), null);
        assertThat(countryFromRegion.get("country").asString()).isEqualTo("CA");

        for (var bad : List.of(Map.of("region", "Atlantis"), Map.of("region", "AU-WA"))) {
            var refused = post(rep, fields("Bad Region", bad, "US"));
            assertThat(refused.getResponse().getStatus()).isEqualTo(400);
            assertThat(refused.getResponse().getContentAsString()).contains("\"field\":\"region\"");
        }
        var id = byCode.get("id").asString();
        var patched = mvc.patch()
                .uri("/api/v1/prospects/" + id)
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"Nowhere\"}")
                .exchange();
        assertThat(patched).hasStatus(400);
        assertThat(patched.getResponse().getContentAsString()).contains("\"field\":\"region\"");
    }

    @Test
    void badInputIsNamedByItsField() throws Exception {
        var rep = given.rep();
        var cases = Map.of(
                "phone", Map.of("phone", "+1 555 0100 99999 1"),
                "timeZone", Map.of("phone", "+1 212 555 0100", "timeZone", "Mars/Olympus_Mons"),
                "region", Map.of("phone", "+1 212 555 0100", "region", "XX-99"));
        for (var bad : cases.entrySet()) {
            var refused = post(rep, fields("Bad " + bad.getKey(), bad.getValue(), null));
            assertThat(refused.getResponse().getStatus()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.getResponse().getContentAsString()).contains("\"field\":\"" + bad.getKey() + "\"");
        }
    }

    @Test
    void confirmingAZoneMakesItTheOnlyCandidateAndMovesOpenCallsIntoItsLegalHours() throws Exception {
        var rep = given.rep();
        var created = create(rep, Map.of("phone", "+61 412 345 678"), null);
        var id = created.get("id").asString();
        assertThat(candidates(created)).hasSizeGreaterThan(1);
        given.after(() -> openCalls(UUID.fromString(id)).isEmpty() ? null : true);
        var patched = mvc.patch()
                .uri("/api/v1/prospects/" + id)
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"timeZone\":\"America/Los_Angeles\"}")
                .exchange();
        assertThat(patched).hasStatusOk();
        var body = json.readTree(patched.getResponse().getContentAsString());
        assertThat(candidates(body)).containsExactly("America/Los_Angeles");
        assertThat(body.get("timeZoneConfirmed").asBoolean()).isTrue();
        var la = ZoneId.of("America/Los_Angeles");
        var due = given.after(() -> {
            var open = openCalls(UUID.fromString(id));
            return !open.isEmpty() && open.stream().allMatch(at -> legalIn(at, la)) ? open : null;
        });
        assertThat(due)
                .allSatisfy(at ->
                        assertThat(legalIn(at, la)).as(at + " in Los Angeles").isTrue());
    }

    @Test
    void theProspectPageAndTheCallScreenShowTheSpreadAndConfirmAZone() throws Exception {
        var rep = given.rep();
        var created = create(rep, Map.of("phone", "+1 907 555 0123"), null);
        var id = created.get("id").asString();
        var basic =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(
                        rep.email(), Given.PASSWORD);
        var now = TUESDAY.atZone(ZoneId.of("America/Anchorage"));
        var anchorage = now.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")) + " in Anchorage";
        var adak = now.withZoneSameInstant(ZoneId.of("America/Adak"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"))
                + " in Adak";
        for (var page : List.of("/prospects/" + id, "/prospects/" + id + "/call")) {
            var html = mvc.get().uri(page).with(basic).exchange().getResponse().getContentAsString();
            assertThat(html).as(page).contains("Time zone not confirmed", anchorage + ", " + adak, "Confirm zone");
        }
        var elsewhere = mvc.post()
                .uri("/prospects/" + id + "/time-zone")
                .with(basic)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("timeZone", "Europe/Paris")
                .exchange();
        assertThat(elsewhere).hasStatus3xxRedirection();
        assertThat(read(rep, id).get("timeZoneConfirmed").asBoolean())
                .as("only a candidate is confirmed")
                .isFalse();
        var confirmed = mvc.post()
                .uri("/prospects/" + id + "/time-zone")
                .with(basic)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("timeZone", "America/Adak")
                .param("back", "call")
                .exchange();
        assertThat(confirmed)
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/prospects/" + id + "/call?zoneConfirmed=America%2FAdak");
        var after = read(rep, id);
        assertThat(after.get("timeZone").asString()).isEqualTo("America/Adak");
        assertThat(candidates(after)).containsExactly("America/Adak");
        assertThat(after.get("timeZoneConfirmed").asBoolean()).isTrue();
    }

    private JsonNode read(Member rep, String id) throws Exception {
        return json.readTree(mvc.get()
                .uri("/api/v1/prospects/" + id)
                .header("Authorization", given.bearer(rep))
                .exchange()
                .getResponse()
                .getContentAsString());
    }

    private List<Instant> openCalls(UUID prospect) {
        return jdbc.sql("select due_at from tasks where prospect_id = ? and status = 'OPEN'")
                .param(prospect)
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /** R2's default window by the JDK's rules for the zone: 08:00 to 21:00 on a weekday. */
    private static boolean legalIn(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        var time = local.toLocalTime();
        return local.getDayOfWeek() != DayOfWeek.SATURDAY
                && local.getDayOfWeek() != DayOfWeek.SUNDAY
                && !time.isBefore(LocalTime.of(8, 0))
                && time.isBefore(LocalTime.of(21, 0));
    }

    private static String geocoded(String phone) {
        var number = WorldFacts.number(phone.replace(" ", ""));
        return com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder.getInstance()
                .getDescriptionForNumber(
                        number, java.util.Locale.ENGLISH, WorldFacts.PHONES.getRegionCodeForNumber(number));
    }

    /** The ISO 3166-2 code places/regions.tsv gives the region of this English name. */
    private static String regionNamed(String country, String description) {
        var name = description.contains(",")
                ? description.substring(description.lastIndexOf(',') + 1).strip()
                : description;
        return WorldFacts.rows("/places/regions.tsv").stream()
                .filter(r -> r[0].startsWith(country + "-") && (r[1].equals(name) || r[0].equals(country + "-" + name)))
                .map(r -> r[0])
                .findFirst()
                .orElseThrow();
    }

    private static List<String> candidates(JsonNode body) {
        var zones = new ArrayList<String>();
        body.get("candidateTimeZones").forEach(z -> zones.add(z.asString()));
        return zones;
    }

    private JsonNode create(Member rep, Map<String, String> given, String country) throws Exception {
        var result = post(rep, fields("Zone Check", given, country));
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private String fields(String name, Map<String, String> given, String country) throws Exception {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var fields = new LinkedHashMap<String, Object>(given);
        fields.put("fullName", name + " " + unique);
        fields.put("email", "zone." + unique + "@example.com");
        if (country != null) {
            fields.put("country", country);
        }
        return json.writeValueAsString(fields);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(Member rep, String body) {
        return mvc.post()
                .uri("/api/v1/prospects")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
