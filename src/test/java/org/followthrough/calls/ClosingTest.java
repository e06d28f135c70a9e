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
}
