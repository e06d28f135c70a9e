package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every number the phone plans allow is taken (R1): libphonenumber's own example number of every
 * region it supports, for every kind of number (landline, mobile, toll-free, premium-rate, shared-cost,
 * VoIP, personal, pager, UAN, voicemail), and of every network of no country (+800, +882...), in the
 * national form with its country and in the international form without, is created through the API:
 * never a 5xx, the E.164 libphonenumber writes, and a zone libphonenumber gives the number, else one of
 * the country's zones by the tz database, else the organisation's.
 */
@ApplicationTest
class EveryPhonePlanTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Test
    void everyExampleNumberOfEveryRegionAndKindIsCreatedWithLibphonenumbersE164AndOneOfItsZones() throws Exception {
        var token = given.bearer(given.rep());
        var soft = new SoftAssertions();
        var created = new java.util.concurrent.atomic.AtomicInteger();
        // two at a time, as a busy team's integrations would send them
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var work = new ArrayList<java.util.concurrent.Future<?>>();
        for (var example : examples().entrySet()) {
            work.add(pool.submit(() -> {
                try {
                    check(token, example, soft, created);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var one : work) {
            one.get();
        }
        pool.shutdown();
        soft.assertAll();
        assertThat(created.get()).as("numbers created").isGreaterThan(1_000);
    }

    private void check(
            String token,
            Map.Entry<String, PhoneNumber> example,
            SoftAssertions soft,
            java.util.concurrent.atomic.AtomicInteger created)
            throws Exception {
        {
            var number = example.getValue();
            var region = example.getKey().split(" ")[0];
            var e164 = WorldFacts.PHONES.format(number, PhoneNumberFormat.E164);
            var forms = new ArrayList<String[]>();
            forms.add(new String[] {WorldFacts.PHONES.format(number, PhoneNumberFormat.INTERNATIONAL), null});
            if (!region.equals("001")) {
                forms.add(new String[] {WorldFacts.PHONES.format(number, PhoneNumberFormat.NATIONAL), region});
            }
            // the second form of the number goes through the same POST for the same person (?ifExists=update):
            // it is read and placed the same way, and the engine does not plan a new prospect for it
            var email = "plan." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            for (var form : forms) {
                var answer = create(token, email, form[0], form[1]);
                var what = example.getKey() + " written " + form[0] + (form[1] == null ? "" : " in " + form[1]);
                var body = answer.status() / 100 == 2 ? json.readTree(answer.body()) : null;
                synchronized (soft) {
                    soft.assertThat(answer.status())
                            .as(what + ": " + answer.body())
                            .isIn(200, 201);
                    if (body != null) {
                        created.incrementAndGet();
                        soft.assertThat(body.get("phoneE164").asString())
                                .as(what)
                                .isEqualTo(e164);
                        checkZone(soft, what, body, e164);
                    }
                }
            }
        }
    }

    private void checkZone(SoftAssertions soft, String what, JsonNode body, String e164) {
        var zone = body.get("timeZone").asString();
        var listed = WorldFacts.libphonenumberZones(e164);
        var country = body.get("country").isNull() ? null : body.get("country").asString();
        var candidates = new ArrayList<String>();
        body.get("candidateTimeZones").forEach(z -> candidates.add(z.asString()));
        soft.assertThat(candidates).as(what + ": candidates").startsWith(zone);
        // the prospect's country, and the country libphonenumber gives the number (a Moroccan number written
        // for a prospect in Western Sahara is Morocco's)
        var ofCountry = new java.util.LinkedHashSet<String>();
        if (country != null) {
            ofCountry.addAll(WorldFacts.countryZones(country));
        }
        var numbers = WorldFacts.PHONES.getRegionCodeForNumber(WorldFacts.number(e164));
        if (numbers != null) {
            ofCountry.addAll(WorldFacts.countryZones(numbers));
        }
        var listedInCountry = listed.stream().filter(ofCountry::contains).toList();
        var prospectsCountry = country == null ? java.util.Set.<String>of() : WorldFacts.countryZones(country);
        if (!WorldFacts.PHONES.isNumberGeographical(WorldFacts.number(e164)) && !prospectsCountry.isEmpty()) {
            // a number tied to no place says nothing against the prospect's own country
            soft.assertThat(prospectsCountry)
                    .as(what + ": the prospect's country's zones")
                    .contains(zone);
        } else if (!listedInCountry.isEmpty()) {
            soft.assertThat(listedInCountry)
                    .as(what + ": libphonenumber's zones in the country")
                    .contains(zone);
        } else if (!listed.isEmpty() || !ofCountry.isEmpty()) {
            // libphonenumber names only zones outside the country for some mobiles (Irish ones: Europe/London)
            var either = new java.util.LinkedHashSet<>(ofCountry);
            either.addAll(listed);
            soft.assertThat(either)
                    .as(what + ": the country's zones or libphonenumber's")
                    .contains(zone);
        } else {
            soft.assertThat(body.get("timeZoneSource").asString()).as(what).isEqualTo("DEFAULT");
        }
    }

    /** libphonenumber's example numbers, each number once, by "region kind". */
    private static Map<String, PhoneNumber> examples() {
        var examples = new LinkedHashMap<String, PhoneNumber>();
        var seen = new java.util.HashSet<String>();
        for (var region : new java.util.TreeSet<>(WorldFacts.PHONES.getSupportedRegions())) {
            for (var type : PhoneNumberType.values()) {
                var number = WorldFacts.PHONES.getExampleNumberForType(region, type);
                if (number != null && seen.add(WorldFacts.PHONES.format(number, PhoneNumberFormat.E164))) {
                    examples.put(region + " " + type, number);
                }
            }
        }
        for (var code : WorldFacts.PHONES.getSupportedGlobalNetworkCallingCodes()) {
            var number = WorldFacts.PHONES.getExampleNumberForNonGeoEntity(code);
            if (number != null && seen.add(WorldFacts.PHONES.format(number, PhoneNumberFormat.E164))) {
                examples.put("001 +" + code, number);
            }
        }
        return examples;
    }

    private record Answer(int status, String body) {}

    private Answer create(String token, String email, String phone, String country) throws Exception {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("fullName", "Plan Example " + email.substring(5, 13));
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("country", country);
        var result = mvc.post()
                .uri("/api/v1/prospects?ifExists=update")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(fields))
                .exchange();
        return new Answer(result.getResponse().getStatus(), result.getResponse().getContentAsString());
    }

    static List<PhoneNumberType> kinds() {
        return List.of(PhoneNumberType.values());
    }
}
