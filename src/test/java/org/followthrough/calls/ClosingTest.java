package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/** Closing a prospect calls off the appointment still booked with them, with the calendar's CANCEL. */
@ApplicationTest
class ClosingTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Outbox outbox;

    @Autowired
    Tasks tasks;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    EngineApi api;

    @BeforeEach
    void tuesdayMorning() {
        api = new EngineApi(mvc, given, json);
        clock.set(ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
                .toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WON", "LOST", "NURTURE"})
    void aProspectClosedBeforeTheirAppointmentGetsItCancelled(String stage) {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(api.log(
                        rep,
                        prospect,
                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"2026-08-20T16:00:00-04:00\"}}"))
                .hasStatus(HttpStatus.CREATED);
        var reminder = outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10).stream()
                .filter(e -> e.dedupeKey().endsWith("/reminder"))
                .findFirst()
                .orElseThrow();

        clock.set(clock.instant().plusSeconds(3600));
        assertThat(api.log(
                        rep,
                        prospect,
                        "{\"outcome\":\"CONNECTED\",\"confirm\":true,\"nextStep\":{\"stage\":\"" + stage + "\"}}"))
                .hasStatus(HttpStatus.CREATED);

        var appointment = api.body(api.get(rep, "/api/v1/prospects/" + prospect.id() + "/appointments"))
                .get(0);
        assertThat(appointment.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(outbox.find(reminder.id()).orElseThrow().status()).isEqualTo(EmailStatus.CANCELLED);
        assertThat(outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10))
                .anySatisfy(e -> assertThat(e.dedupeKey()).endsWith("/cancel"));
        assertThat(tasks.openFor(prospect.id())).noneMatch(t -> t.kind() == TaskKind.APPOINTMENT);
    }

    @org.junit.jupiter.api.Test
    void theEndACallClosedWithIsKeptWithItsReasonTheNoAndTheConfirmation() {
        var rep = given.rep();
        var early = given.prospect(rep);
        var saidNo = given.prospect(rep);
        api.log(
                rep,
                early,
                "{\"outcome\":\"CONNECTED\",\"confirm\":true,"
                        + "\"nextStep\":{\"stage\":\"LOST\",\"reason\":\"went quiet\"}}");
        api.log(
                rep,
                saidNo,
                "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"LOST\",\"reason\":\"chose a competitor\","
                        + "\"prospectSaidNo\":true}}");

        var closed = api.timeline(rep, early).get("touches").get(0).get("closed");
        assertThat(closed.get("stage").asString()).isEqualTo("LOST");
        assertThat(closed.get("reason").asString()).isEqualTo("went quiet");
        assertThat(closed.get("prospectSaidNo").asBoolean()).isFalse();
        assertThat(closed.get("confirmed").asBoolean()).isTrue();
        assertThat(closed.get("followUps").asInt()).isZero();
        assertThat(jdbc.sql("select prospect_id from touches where next_stage = 'LOST' and follow_ups < 5"
                                + " and not prospect_said_no and prospect_id in (?, ?)")
                        .params(early.id(), saidNo.id())
                        .query(java.util.UUID.class)
                        .list())
                .as("the LOSTs analytics reports: fewer than five follow-ups, no 'no'")
                .containsExactly(early.id());
        assertThat(api.log(
                        rep,
                        given.prospect(rep),
                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\",\"reason\":\"" + "x".repeat(501)
                                + "\"}}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("nextStep.reason");
    }
}
