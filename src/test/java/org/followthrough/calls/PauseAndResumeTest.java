package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.followthrough.timing.TimedActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * "Back from parental leave in March": a prospect's cadence paused with a reason holds its calls and
 * emails, shows the pause on the timeline, and resumes — by hand or on the day given — from the step
 * it stopped at, with the next variant (R6), inside the legal window.
 */
@ApplicationTest
class PauseAndResumeTest {

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
    JdbcClient jdbc;

    @Autowired
    Enrolments enrolments;

    @Autowired
    TimedActions actions;

    @Autowired
    Leads leads;

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
    void aPauseHoldsTheCallsAndEmailsAndAResumeGoesOnWithTheStepItStoppedAt() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        assertThat(pending(prospect)).as("FTC #1's email waits for 09:10").hasSize(1);

        clock.set(at(2026, 8, 18, 9, 5));
        var paused = api.body(pause(rep, prospect, "{\"reason\":\"On parental leave\"}"));
        assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("pause").get("reason").asString()).isEqualTo("On parental leave");
        assertThat(api.queue(rep, prospect)).as("FTC #2 left the queue").isEmpty();
        assertThat(pending(prospect)).as("the waiting email is withdrawn").isEmpty();
        var timeline = api.timeline(rep, prospect);
        assertThat(timeline.get("planned").size()).isZero();
        assertThat(timeline.get("paused").get("reason").asString()).isEqualTo("On parental leave");
        assertThat(timeline.get("paused").get("until").isNull()).isTrue();
        assertThat(status(pause(rep, prospect, "{\"reason\":\"again\"}"))).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(leads.withoutNextStep(rep.asActor(), 1000))
                .as("a pause is a decision, not a lead lost (R23)")
                .noneMatch(l -> l.prospectId().equals(prospect.id()));
        leads.check();
        assertThat(enrolments.active(prospect.id()).orElseThrow().isPaused())
                .as("the lost-lead check leaves the pause alone")
                .isTrue();

        // resumed on Thursday evening, after the legal hours: it goes on at Friday's first legal moment
        clock.set(at(2026, 8, 20, 21, 30));
        var resumed = api.body(resume(rep, prospect));
        assertThat(resumed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(resumed.get("stepsDone").asInt())
                .as("FTC #1's call behind it, its email planned again")
                .isEqualTo(2);
        var planned = planned(rep, prospect);
        assertThat(planned.get(0).get("purpose").asString()).isEqualTo("FTC #1 email");
        assertThat(Instant.parse(planned.get(0).get("at").asString())).isEqualTo(at(2026, 8, 21, 8, 10));
        assertThat(planned.get(1).get("label").asString()).isEqualTo("FTC #2");
        assertThat(Instant.parse(planned.get(1).get("at").asString())).isAfter(at(2026, 8, 21, 8, 10));
        assertThat(api.timeline(rep, prospect).get("paused").isNull()).isTrue();
        assertThat(pending(prospect)).hasSize(1);
        assertThat(status(resume(rep, prospect))).isEqualTo(HttpStatus.CONFLICT.value());
    }

    @Test
    void aPauseUntilADateResumesByItselfOnThatDayAtItsFirstLegalMoment() throws InterruptedException {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var paused = api.body(pause(rep, prospect, "{\"reason\":\"Back in March\",\"until\":\"2027-03-01\"}"));
        var until = ZonedDateTime.of(2027, 3, 1, 0, 0, 0, 0, NEW_YORK).toInstant();
        assertThat(Instant.parse(paused.get("pause").get("until").asString())).isEqualTo(until);
        var id = UUID.fromString(paused.get("id").asString());
        assertThat(actions.find(PausesEnd.KIND, id.toString()))
                .as("a timed action resumes it")
                .hasValueSatisfying(a -> assertThat(a.dueAt()).isEqualTo(until));
        assertThat(Instant.parse(
                        api.timeline(rep, prospect).get("paused").get("until").asString()))
                .isEqualTo(until);

        clock.set(until);
        // the scheduler follows the application's clock: the timed action resumes it
        var deadline = System.nanoTime() + 20_000_000_000L;
        while (enrolments.active(prospect.id()).orElseThrow().isPaused() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        enrolments.pauseEnded(id, until); // performed again after a crash: nothing more happens
        var planned = planned(rep, prospect);
        assertThat(planned.get(0).get("kind").asString()).isEqualTo("CALL");
        assertThat(planned.get(0).get("tentative").asBoolean()).isFalse();
        assertThat(planned.get(0).get("label").asString()).isEqualTo("FTC #1");
        assertThat(Instant.parse(planned.get(0).get("at").asString()))
                .as("Monday 1 March 2027, 08:00 in New York: the first legal moment")
                .isEqualTo(ZonedDateTime.of(2027, 3, 1, 8, 0, 0, 0, NEW_YORK).toInstant());
        assertThat(planned.stream().filter(p -> !p.get("tentative").asBoolean()))
                .as("one call planned, not two")
                .hasSize(1);
        assertThat(api.body(api.get(rep, "/api/v1/prospects/" + prospect.id() + "/enrolment"))
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aPauseSaysWhatToFixAndNobodyPausesAnotherRepsProspect() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var refused = api.body(pause(rep, prospect, "{\"reason\":\" \",\"until\":\"2026-08-01\"}"));
        var fields = new ArrayList<String>();
        refused.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("reason", "until");
        assertThat(status(pause(rep, prospect, "{\"reason\":\"x\",\"until\":\"next spring\"}")))
                .isEqualTo(HttpStatus.BAD_REQUEST.value());
        assertThat(status(pause(given.rep(), prospect, "{\"reason\":\"not mine\"}")))
                .isEqualTo(HttpStatus.NOT_FOUND.value());
        assertThat(api.queue(rep, prospect)).as("nothing was paused").hasSize(1);
    }

    private MvcTestResult pause(Member member, Prospect prospect, String body) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/enrolment/pause")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult resume(Member member, Prospect prospect) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/enrolment/resume")
                .header("Authorization", given.bearer(member))
                .exchange();
    }

    private static int status(MvcTestResult result) {
        return result.getResponse().getStatus();
    }

    private List<String> pending(Prospect prospect) {
        return jdbc.sql("select dedupe_key from outbox where prospect_id = ? and status = 'PENDING'")
                .param(prospect.id())
                .query(String.class)
                .list();
    }

    private List<JsonNode> planned(Member rep, Prospect prospect) {
        var planned = new ArrayList<JsonNode>();
        api.timeline(rep, prospect).get("planned").forEach(planned::add);
        return planned;
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
