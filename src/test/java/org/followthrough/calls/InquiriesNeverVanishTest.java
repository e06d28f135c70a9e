package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/**
 * An inquiry answered 202 always ends as a stored prospect with a call, or as a stored rejection that
 * administrators see, naming why (R23). Toll-free and other numbers of every plan are taken; a time
 * zone or region nobody can read is set aside with a warning, never the inquiry.
 */
@ApplicationTest
class InquiriesNeverVanishTest {

    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();
    static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(TUESDAY_9AM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anInquiryFromAUsTollFreeNumberBecomesAProspectWithACall() throws Exception {
        var signal = send(Map.of("name", "Toll Free", "email", unique("tollfree"), "phone", "+1 800 234 5678"));
        var end = ended(signal);
        assertThat(end.outcome()).isEqualTo("TAKEN");
        assertThat(openCalls(end.prospectId())).isPositive();
        assertThat(jdbc.sql("select phone_e164 from prospects where id = ?")
                        .param(end.prospectId())
                        .query(String.class)
                        .single())
                .isEqualTo("+18002345678");
    }

    @Test
    void anUnreadableZoneOrRegionBesideAGoodPhoneIsSetAsideTheZoneInferredAndAWarningShown() throws Exception {
        var signal = send(Map.of(
                "name", "Odd Zone",
                "email", unique("oddzone"),
                "phone", "+1 312 555 0147",
                "timeZone", "Chicago time please",
                "state", "Illinoisland"));
        var end = ended(signal);
        assertThat(end.outcome()).isEqualTo("TAKEN");
        assertThat(openCalls(end.prospectId())).isPositive();
        var zone = jdbc.sql("select time_zone, time_zone_source from prospects where id = ?")
                .param(end.prospectId())
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2))
                .single();
        assertThat(zone).isEqualTo("America/Chicago PHONE");
        var admin = given.admin();
        var problems = mvc.get()
                .uri("/api/v1/admin/inquiry-problems")
                .header("Authorization", given.bearer(admin))
                .exchange();
        assertThat(problems).hasStatusOk();
        assertThat(problems.getResponse().getContentAsString())
                .contains(signal.toString(), "timeZone", "Chicago time please", "region", "America/Chicago");
        assertThat(mvc.get().uri("/api/v1/admin/inquiry-problems").header("Authorization", given.bearer(given.rep())))
                .hasStatus(403);
    }

    /**
     * Many odd inquiries, drawn from a seeded generator: phones of every plan (libphonenumber's example
     * numbers) and none, numbers that are no numbers, emails and bare domains, zones, regions and
     * countries of every kind. Each one acknowledged ends as a prospect with a call or a visible rejection.
     */
    @Test
    void noAcknowledgedInquiryVanishes() throws Exception {
        var random = new Random(20);
        var sent = new ArrayList<UUID>();
        for (int i = 0; i < 60; i++) {
            sent.add(send(oddInquiry(random, i)));
        }
        var admin = given.admin();
        var visible = mvc.get()
                .uri("/api/v1/admin/inquiry-problems?limit=1000")
                .header("Authorization", given.bearer(admin))
                .exchange()
                .getResponse()
                .getContentAsString();
        int rejected = 0;
        for (var signal : sent) {
            var end = ended(signal);
            if (end.outcome().equals("TAKEN")) {
                assertThat(openCalls(end.prospectId()))
                        .as(signal + ": a taken inquiry has its call")
                        .isPositive();
            } else {
                rejected++;
                assertThat(end.outcome()).as(signal.toString()).isEqualTo("REJECTED");
                assertThat(end.detail()).as(signal.toString()).startsWith("Not taken: ");
            }
        }
        visible = mvc.get()
                .uri("/api/v1/admin/inquiry-problems?limit=1000")
                .header("Authorization", given.bearer(admin))
                .exchange()
                .getResponse()
                .getContentAsString();
        for (var signal : sent) {
            var end = ended(signal);
            if (!end.outcome().equals("TAKEN") || end.detail() != null) {
                assertThat(visible).as(signal + " is listed for administrators").contains(signal.toString());
            }
        }
        assertThat(rejected)
                .as("the generator makes some that name nobody reachable")
                .isPositive();
        assertThat(rejected).as("and mostly ones that are taken").isLessThan(30);
        var page = mvc.get()
                .uri("/settings/webhooks")
                .with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(admin.email(), Given.PASSWORD))
                .exchange();
        assertThat(page.getResponse().getContentAsString()).contains("Web inquiries not simply taken", "Rejected");
    }

    private Map<String, Object> oddInquiry(Random random, int i) {
        var fields = new LinkedHashMap<String, Object>();
        var unique = UUID.randomUUID().toString().substring(0, 8);
        switch (random.nextInt(3)) {
            case 0 -> fields.put("email", "odd" + i + "." + unique + "@example.com");
            case 1 -> fields.put("domain", "odd" + unique + ".example");
            default -> {
                fields.put("email", "odd" + i + "." + unique + "@example.com");
                fields.put("domain", "odd" + unique + ".example");
            }
        }
        switch (random.nextInt(5)) {
            case 0 -> {}
            case 1 -> fields.put("phone", "12");
            case 2 -> fields.put("phone", "call me maybe");
            default -> fields.put("phone", examplePhone(random));
        }
        pick(random, fields, "name", "Ana", "Ōtsuka Ryō", "x".repeat(200), " ", null);
        pick(random, fields, "timeZone", "America/New_York", "Asia/Calcutta", "Mars/Base", "GMT+5", "", null);
        pick(random, fields, "region", "AK", "US-TX", "Bavaria", "Western Australia", "Nowhere", null);
        pick(random, fields, "country", "US", "Deutschland", "Atlantis", "AU", "ru", null);
        pick(random, fields, "company", "Acme", "Ünïcode GmbH", null);
        return fields;
    }

    private static String examplePhone(Random random) {
        var regions = new ArrayList<>(PHONES.getSupportedRegions());
        java.util.Collections.sort(regions);
        var types = PhoneNumberType.values();
        for (int tries = 0; tries < 50; tries++) {
            var number = PHONES.getExampleNumberForType(
                    regions.get(random.nextInt(regions.size())), types[random.nextInt(types.length)]);
            if (number != null) {
                return PHONES.format(number, PhoneNumberFormat.INTERNATIONAL);
            }
        }
        return "+1 800 234 5678";
    }

    private static void pick(Random random, Map<String, Object> fields, String name, String... values) {
        var value = values[random.nextInt(values.length)];
        if (value != null) {
            fields.put(name, value);
        }
    }

    private record End(String outcome, String detail, UUID prospectId) {}

    /** What became of the signal, once the engine has handled it (it runs after the signal is stored). */
    private End ended(UUID signal) {
        given.settled();
        return jdbc.sql(
                        "select outcome, outcome_detail, prospect_id from signals where id = ? and outcome in ('TAKEN', 'REJECTED')")
                .param(signal)
                .query((rs, i) -> new End(rs.getString(1), rs.getString(2), (UUID) rs.getObject(3)))
                .optional()
                .orElseThrow(() -> new AssertionError("the signal was neither taken nor rejected"));
    }

    private long openCalls(UUID prospect) {
        given.settled();
        long open = jdbc.sql("select count(*) from tasks where prospect_id = ? and status = 'OPEN'")
                .param(prospect)
                .query(Long.class)
                .single();
        assertThat(open).as("open calls once the engine has reacted").isPositive();
        return open;
    }

    private UUID send(Map<String, ?> fields) throws Exception {
        var body = new LinkedHashMap<String, Object>(fields);
        body.put("id", "inquiry-" + UUID.randomUUID());
        body.put("type", "INQUIRY");
        body.put("occurredAt", TUESDAY_9AM.toString());
        var response = new SignalSender(port, clock).post(json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json.readTree(response.body()).get("signalId").asString());
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@prospect.example";
    }

    static List<String> none() {
        return List.of();
    }
}
