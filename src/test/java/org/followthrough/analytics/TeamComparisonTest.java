package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.StreamSupport;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
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

/** The manager's comparison: members ranked side by side, each figure by week. */
@ApplicationTest
class TeamComparisonTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void membersAreRankedSideBySideWithEachFigureByWeek() throws Exception {
        // two weeks ago, the busy rep calls three times; this week they book a meeting, the quiet one calls once
        clock.set(ZonedDateTime.of(2027, 3, 2, 11, 0, 0, 0, NEW_YORK).toInstant());
        var busy = given.rep();
        var quiet = given.rep();
        for (int i = 0; i < 3; i++) {
            log(busy, given.prospect(busy), "NO_ANSWER", null);
        }
        clock.set(ZonedDateTime.of(2027, 3, 16, 11, 0, 0, 0, NEW_YORK).toInstant());
        log(
                busy,
                given.prospect(busy),
                "CONNECTED",
                "\"nextStep\":{\"appointmentAt\":\"2027-03-18T10:00:00-04:00\",\"agenda\":\"Pricing\"}");
        log(quiet, given.prospect(quiet), "NO_ANSWER", null);
        clock.set(ZonedDateTime.of(2027, 3, 17, 11, 0, 0, 0, NEW_YORK).toInstant());

        assertThat(mvc.get().uri("/api/v1/analytics/team").header("Authorization", given.bearer(busy)))
                .hasStatus(HttpStatus.FORBIDDEN);
        var manager = given.manager();
        var result = mvc.get()
                .uri("/api/v1/analytics/team?weeks=4")
                .header("Authorization", given.bearer(manager))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        var comparison = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        var b = row(comparison, busy);
        var q = row(comparison, quiet);
        assertThat(b.at("/total/calls").asLong()).isEqualTo(4);
        assertThat(b.at("/total/connects").asLong()).isEqualTo(1);
        assertThat(b.at("/total/meetings").asLong()).isEqualTo(1);
        assertThat(q.at("/total/calls").asLong()).isEqualTo(1);
        assertThat(b.at("/ranks/meetings").asInt())
                .isLessThan(q.at("/ranks/meetings").asInt());
        assertThat(b.get("weeks")).hasSize(4);
        assertThat(b.at("/weeks/1/figures/calls").asLong())
                .as("the week of 2 March")
                .isEqualTo(3);
        assertThat(b.at("/weeks/3/figures/calls").asLong()).as("this week").isEqualTo(1);
        assertThat(b.at("/weeks/3/figures/meetings").asLong()).isEqualTo(1);
        assertThat(indexOf(comparison, busy)).as("more meetings ranks first").isLessThan(indexOf(comparison, quiet));

        assertThat(mvc.get().uri("/api/v1/analytics/team?weeks=53").header("Authorization", given.bearer(manager)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    private void log(Member member, Prospect prospect, String outcome, String more) {
        var body = "{\"outcome\":\"" + outcome + "\"" + (more == null ? "" : "," + more) + "}";
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(member))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.CREATED);
    }

    private static JsonNode row(JsonNode comparison, Member m) {
        return StreamSupport.stream(comparison.get("members").spliterator(), false)
                .filter(r -> r.get("email").asString().equals(m.email()))
                .findFirst()
                .orElseThrow();
    }

    private static int indexOf(JsonNode comparison, Member m) {
        int i = 0;
        for (var r : comparison.get("members")) {
            if (r.get("email").asString().equals(m.email())) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
