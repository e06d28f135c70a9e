package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/**
 * Which task a logged call completes: the one the rep names, or the prospect's next open one — but an
 * appointment only from 15 minutes before its time, so a call today leaves next week's appointment booked.
 */
@ApplicationTest
class TaskMatchingTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    Tasks tasks;

    EngineApi api;

    @BeforeEach
    void tuesdayMorning() {
        api = new EngineApi(mvc, given, json);
        clock.set(at(2026, 8, 18, 9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCallDaysBeforeAnAppointmentLeavesItBookedAndOneFifteenMinutesBeforeIsItsCall() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var booked = api.body(api.log(rep, prospect, appointment("2026-08-20T16:00:00-04:00")));
        var appointmentId = api.body(api.get(rep, "/api/v1/prospects/" + prospect.id() + "/appointments"))
                .get(0)
                .get("id")
                .asString();
        assertThat(booked.get("label").asString()).isEqualTo("FTC #1");

        clock.set(at(2026, 8, 18, 11, 0));
        assertThat(api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(status(rep, appointmentId)).isEqualTo("BOOKED");
        assertThat(tasks.openFor(prospect.id())).singleElement().satisfies(t -> assertThat(t.kind())
                .isEqualTo(TaskKind.APPOINTMENT));

        clock.set(at(2026, 8, 20, 15, 45));
        assertThat(api.log(rep, prospect, "{\"outcome\":\"VOICEMAIL\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(status(rep, appointmentId)).isEqualTo("MISSED");
        assertThat(tasks.openFor(prospect.id())).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TaskKind.RETRY);
            assertThat(t.dueAt()).isEqualTo(at(2026, 8, 20, 16, 10));
        });
    }

    @Test
    void aNamedTaskMustBeAnOpenTaskOfTheProspect() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var other = given.prospect(rep);
        var first = tasks.openFor(prospect.id()).get(0);
        var othersTask = tasks.openFor(other.id()).get(0);

        assertThat(api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\",\"taskId\":\"" + othersTask.id() + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("taskId");
        assertThat(api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\",\"taskId\":\"" + first.id() + "\"}"))
                .hasStatus(HttpStatus.CREATED);
        var again = api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\",\"taskId\":\"" + first.id() + "\"}");
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.body(again).get("detail").asString()).contains("DONE already");
        assertThat(tasks.openFor(other.id())).singleElement().isEqualTo(othersTask);
    }

    private String status(org.followthrough.team.Member rep, String appointmentId) {
        return api.body(api.get(rep, "/api/v1/appointments/" + appointmentId))
                .get("status")
                .asString();
    }

    private static String appointment(String at) {
        return "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"" + at + "\",\"agenda\":\"the numbers\"}}";
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
