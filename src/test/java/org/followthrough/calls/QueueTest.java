package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The queue as a rep reads it: what may be called now, in the order to work it (R7, R11), and what
 * may not be called now (R2) shown later, at the moment it may.
 */
@ApplicationTest
class QueueTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCallLeftUndoneIsNotDueOnceTheProspectsEveningHasBegunButAtTheirNextLegalMoment() throws Exception {
        clock.set(at(NEW_YORK, 2026, 8, 18, 9, 0)); // Tuesday
        var rep = given.rep();
        var newYork = given.prospect(rep);
        var losAngeles = given.prospect(rep, "+1 310 555 0" + (100 + (int) (Math.random() * 800)), "US");
        assertThat(losAngeles.timeZone()).isEqualTo(LOS_ANGELES);

        clock.set(at(NEW_YORK, 2026, 8, 18, 21, 30)); // 18:30 in Los Angeles
        var evening = queue(rep);
        assertThat(names(evening)).containsExactly(losAngeles.fullName(), newYork.fullName());
        assertThat(evening.get(0).get("due").asBoolean()).isTrue();
        assertThat(evening.get(1).get("due").asBoolean()).isFalse();
        assertThat(dueAt(evening.get(1))).isEqualTo(at(NEW_YORK, 2026, 8, 19, 8, 0));

        clock.set(at(NEW_YORK, 2026, 8, 22, 10, 0)); // Saturday
        var saturday = queue(rep);
        assertThat(names(saturday)).containsExactly(newYork.fullName(), losAngeles.fullName());
        assertThat(saturday)
                .allSatisfy(item -> assertThat(item.get("due").asBoolean()).isFalse());
        assertThat(dueAt(saturday.get(0))).isEqualTo(at(NEW_YORK, 2026, 8, 24, 8, 0));
        assertThat(dueAt(saturday.get(1))).isEqualTo(at(LOS_ANGELES, 2026, 8, 24, 8, 0));
    }

    @Test
    void aWeekendAppointmentTheProspectAgreedToIsDueAtItsExactMinute() throws Exception {
        clock.set(at(NEW_YORK, 2026, 8, 18, 9, 0));
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(log(
                        rep,
                        prospect,
                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":"
                                + "\"2026-08-22T10:00:00-04:00\",\"agenda\":\"the numbers\",\"prospectAgreed\":true}}"))
                .isEqualTo(HttpStatus.CREATED.value());

        clock.set(at(NEW_YORK, 2026, 8, 22, 10, 0));
        var top = queue(rep).get(0);
        assertThat(top.get("kind").asString()).isEqualTo("APPOINTMENT");
        assertThat(top.get("due").asBoolean()).isTrue();
        assertThat(dueAt(top)).isEqualTo(at(NEW_YORK, 2026, 8, 22, 10, 0));
    }

    @Test
    void dueCallsComeAppointmentsFirstThenFreshInquiriesThenTriggersAndRetriesThenAttempts() throws Exception {
        clock.set(at(NEW_YORK, 2026, 8, 18, 8, 0));
        var rep = given.rep();
        var attempt = given.prospect(rep);
        var appointment = given.prospect(rep);
        var retry = given.prospect(rep);
        var trigger = given.prospect(rep);
        var inbound = given.prospect(rep);
        assertThat(log(rep, appointment, booking("2026-08-18T09:00:00-04:00"))).isEqualTo(201);
        assertThat(log(rep, retry, booking("2026-08-18T08:30:00-04:00"))).isEqualTo(201);
        assertThat(log(rep, trigger, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}"))
                .isEqualTo(201);
        clock.set(at(NEW_YORK, 2026, 8, 18, 8, 31));
        assertThat(log(rep, retry, "{\"outcome\":\"VOICEMAIL\"}")).isEqualTo(201); // retried at 08:40

        clock.set(at(NEW_YORK, 2026, 8, 18, 9, 0));
        var signals = new SignalSender(port, clock);
        signals.accepted(signal("INQUIRY", inbound, null));
        signals.accepted(signal("EMAIL_CLICK", trigger, "https://example.com/case-study"));
        given.settled();
        var queue = queue(rep);
        assertThat(queue.stream().map(i -> i.get("kind").asString()).toList())
                .containsAll(List.of("INBOUND", "TRIGGER"));

        assertThat(names(queue))
                .containsExactly(
                        appointment.fullName(),
                        inbound.fullName(),
                        retry.fullName(),
                        trigger.fullName(),
                        attempt.fullName());
        assertThat(queue.stream().map(i -> i.get("kind").asString()))
                .containsExactly("APPOINTMENT", "INBOUND", "RETRY", "TRIGGER", "FIRST_TIME_CALL");
        assertThat(queue).allSatisfy(i -> assertThat(i.get("due").asBoolean()).isTrue());
    }

    private String signal(String type, Prospect prospect, String url) {
        return "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + clock.instant() + "\",\"email\":\"" + prospect.email() + "\""
                + (url == null ? "" : ",\"url\":\"" + url + "\"") + "}";
    }

    private static String booking(String at) {
        return "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"" + at + "\",\"agenda\":\"numbers\"}}";
    }

    private int log(Member rep, Prospect prospect, String body) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange()
                .getResponse()
                .getStatus();
    }

    private List<JsonNode> queue(Member member) {
        return new EngineApi(mvc, given, json).queue(member);
    }

    private static List<String> names(List<JsonNode> queue) {
        return queue.stream().map(i -> i.get("prospectName").asString()).toList();
    }

    private static Instant dueAt(JsonNode item) {
        return Instant.parse(item.get("dueAt").asString());
    }

    static Instant at(ZoneId zone, int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, zone).toInstant();
    }
}
