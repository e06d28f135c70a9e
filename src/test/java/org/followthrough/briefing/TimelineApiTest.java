package org.followthrough.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calls.EngineApi;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The timeline's planned steps: every call and email the engine has planned, with its label or
 * subject and a purpose a rep can read, and the cadence's steps ahead of them, marked tentative.
 */
@ApplicationTest
class TimelineApiTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

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
    void afterAnUnansweredFirstCallTheWholeRestOfTheFirstTimeCallsIsPlannedAsThePreviewSays() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");

        var planned = planned(rep, prospect);
        var preview = new ArrayList<JsonNode>();
        api.preview(
                        rep,
                        "{\"cadence\":\"first-time-calls\",\"start\":\"2026-08-18T09:00\",\"timeZone\":\"America/New_York\","
                                + "\"country\":\"US\"}")
                .get("steps")
                .forEach(preview::add);
        var expected = preview.subList(1, preview.size()); // FTC #1 was the call just logged
        assertThat(planned).hasSize(expected.size());
        for (int i = 0; i < planned.size(); i++) {
            var step = planned.get(i);
            var previewed = expected.get(i);
            assertThat(step.get("kind").asString())
                    .isEqualTo(previewed.get("channel").asString());
            assertThat(Instant.parse(step.get("at").asString()))
                    .isEqualTo(
                            OffsetDateTime.parse(previewed.get("at").asString()).toInstant());
            if (step.get("kind").asString().equals("CALL")) {
                assertThat(step.get("label").asString())
                        .isEqualTo(previewed.get("label").asString());
            }
        }
        assertThat(planned.get(0).get("purpose").asString()).isEqualTo("FTC #1 email");
        assertThat(planned.get(0).get("subject").asString()).isNotBlank();
        assertThat(planned.get(0).get("tentative").asBoolean()).isFalse();
        assertThat(planned.get(1).get("purpose").asString()).isEqualTo("First-time calls: call 2 of 6");
        assertThat(planned.get(1).get("tentative").asBoolean())
                .as("FTC #2 is an open task")
                .isFalse();
        assertThat(planned.subList(2, planned.size()))
                .allSatisfy(
                        step -> assertThat(step.get("tentative").asBoolean()).isTrue());
        assertThat(planned.get(2).get("purpose").asString()).isEqualTo("FTC #2 email");
        assertThat(planned.get(planned.size() - 1).get("purpose").asString()).isEqualTo("FTC #6 email");
    }

    @Test
    void anAppointmentsCallAndItsEmailsAreNamedForWhatTheyAre() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        api.log(
                rep,
                prospect,
                "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"2026-08-20T16:00:00-04:00\","
                        + "\"agenda\":\"the numbers\"}}");

        var planned = planned(rep, prospect);
        assertThat(planned.stream().map(s -> s.get("purpose").asString()))
                .containsExactly("Thank-you", "Reminder", "Appointment: the numbers");
        assertThat(planned.get(0).get("subject").asString()).startsWith("Thank you");
        assertThat(planned.get(2).get("label").asString()).isEqualTo("Appointment");
        assertThat(Instant.parse(planned.get(2).get("at").asString())).isEqualTo(at(2026, 8, 20, 16, 0));
    }

    @Test
    void aNurturedProspectSeesTheNextNurtureEmailAndTheRestOfTheRoundAhead() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        api.log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}");

        var planned = planned(rep, prospect);
        assertThat(planned).hasSize(8);
        assertThat(planned.get(0).get("purpose").asString()).isEqualTo("Nurture email #1");
        assertThat(planned.get(0).get("tentative").asBoolean()).isFalse();
        assertThat(planned.get(7).get("purpose").asString()).isEqualTo("Nurture email #8");
        assertThat(planned.subList(1, 8))
                .allSatisfy(
                        step -> assertThat(step.get("tentative").asBoolean()).isTrue());
    }

    private List<JsonNode> planned(Member rep, Prospect prospect) {
        var planned = new ArrayList<JsonNode>();
        api.timeline(rep, prospect).get("planned").forEach(planned::add);
        return planned;
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
