package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calendar.BestTimes;
import org.followthrough.common.Sql;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The engine learns the team's best times from its calls (R4, R19): a team that reaches people at
 * 09:00 and hardly ever at 16:00 gets its attempts and proposed slots at 09:00, in the preview as in
 * live planning, and is told why.
 */
@ApplicationTest
class BestTimesLearningTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BestTimesLearning learning;

    @Autowired
    BestTimes bestTimes;

    Member rep;

    @BeforeEach
    void aTeamThatConnectsAtNine() {
        // a Friday in a year no other test logs calls in, so what is learnt comes from these counts alone
        clock.set(ZonedDateTime.of(2031, 8, 15, 12, 0, 0, 0, NEW_YORK).toInstant());
        rep = given.rep();
        for (int weekday = 1; weekday <= 5; weekday++) {
            count(weekday, 9, 100, 60);
            count(weekday, 16, 100, 5);
        }
    }

    @AfterEach
    void forget() {
        jdbc.sql("delete from call_hours where member_id = ?").param(rep.id()).update();
        bestTimes.forget();
        clock.reset();
    }

    @Test
    void thePreviewAndTheSlotsUseTheTeamsHoursOnceLearned() {
        assertThat(firstTimeCallsFromMonday().at("/steps/2/at").asString())
                .as("R4 before learning: Tuesday 16:00")
                .isEqualTo("2031-08-19T16:00:00-04:00");

        learning.relearn();

        assertThat(bestTimes.learnedFromTheTeam()).isTrue();
        var engine = mvc.get()
                .uri("/api/v1/analytics/summary")
                .header("Authorization", given.bearer(rep))
                .exchange();
        assertThat(engine)
                .as("the numbers say what the engine plans with")
                .bodyJson()
                .extractingPath("$.bestTimes.engine.basedOn")
                .isEqualTo("TEAM_CALLS");
        assertThat(firstTimeCallsFromMonday().at("/steps/2/at").asString()).isEqualTo("2031-08-19T09:00:00-04:00");
        var prospect = given.prospect(rep);
        var slots = mvc.get()
                .uri("/api/v1/prospects/" + prospect.id() + "/slots?count=3")
                .header("Authorization", given.bearer(rep))
                .exchange();
        assertThat(slots)
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$[0].reason")
                .asString()
                .contains("09:00", "the team's");
    }

    @Test
    void forgettingTheCallsReturnsToR4() {
        learning.relearn();
        jdbc.sql("delete from call_hours where member_id = ?").param(rep.id()).update();
        learning.relearn();

        assertThat(firstTimeCallsFromMonday().at("/steps/2/at").asString()).isEqualTo("2031-08-19T16:00:00-04:00");
    }

    private tools.jackson.databind.JsonNode firstTimeCallsFromMonday() {
        var result = mvc.post()
                .uri("/api/v1/cadences/preview")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"cadence\":\"first-time-calls\",\"start\":\"2031-08-18T09:30\",\"timeZone\":\"America/New_York\","
                                + "\"country\":\"US\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        try {
            return new tools.jackson.databind.ObjectMapper()
                    .readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(int weekday, int localHour, int calls, int connected) {
        jdbc.sql("insert into call_hours (member_id, hour_start, weekday, local_hour, attempt, calls, connected)"
                        + " values (?, ?, ?, ?, 1, ?, ?)")
                .params(
                        rep.id(),
                        Sql.ts(clock.instant().minusSeconds(3_600L * (weekday + 1))),
                        weekday,
                        localHour,
                        calls,
                        connected)
                .update();
    }
}
