package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.cadence.Cadence;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/**
 * The never-lose-a-lead check (R23) respects what a member decided by hand: a prospect taken out of
 * a cadence on purpose is left to their owner (listed, not put back), a prospect a member enrolled
 * while the check ran keeps that cadence, and a lead that truly fell through the cracks is still
 * given its next step.
 */
@ApplicationTest
class HandDecisionsTest {

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
    Leads leads;

    @Autowired
    Tasks tasks;

    @Autowired
    Enrolments enrolments;

    EngineApi api;

    @BeforeEach
    void tuesdayMorning() {
        api = new EngineApi(mvc, given, json);
        clock.set(ZonedDateTime.of(2026, 9, 15, 9, 0, 0, 0, NEW_YORK).toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aProspectTakenOutByHandStaysOutAndIsListedWhileALostOneIsPutBack() {
        var rep = given.rep();
        var takenOut = given.prospect(rep);
        var lost = given.strand(given.prospect(rep));
        assertThat(unenrol(rep, takenOut)).isEqualTo(HttpStatus.NO_CONTENT.value());

        clock.advance(java.time.Duration.ofMinutes(15));
        leads.check();

        assertThat(enrolments.active(takenOut.id()))
                .as("the rep's decision stands")
                .isEmpty();
        assertThat(tasks.openFor(takenOut.id())).isEmpty();
        assertThat(leads.leftByLastCheck(rep.id()))
                .as("left to the owner, and listed so it is not lost")
                .extracting(Leads.Stranded::prospectId)
                .contains(takenOut.id())
                .doesNotContain(lost.id());
        assertThat(listed(rep)).contains(takenOut.id()).doesNotContain(lost.id());

        assertThat(enrolments.active(lost.id()).orElseThrow().cadenceKey()).isEqualTo(Cadence.FIRST_TIME_CALLS);
        assertThat(tasks.openFor(lost.id()))
                .as("the lost lead's call is back in the queue")
                .hasSize(1);
    }

    @Test
    void aProspectPutBackByHandAfterwardsAndThenLostIsPlannedForAgain() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(unenrol(rep, prospect)).isEqualTo(HttpStatus.NO_CONTENT.value());
        assertThat(enrol(rep, prospect, "{\"cadence\":\"first-time-calls\"}")).isEqualTo(HttpStatus.CREATED.value());
        given.strand(prospect);

        leads.check();

        assertThat(tasks.openFor(prospect.id()))
                .as("no longer a decision: the cadence they were put back in lost its step")
                .hasSize(1);
    }

    @Test
    void aCadenceAMemberChoseWhileTheCheckRanIsNotReplaced() {
        var rep = given.rep();
        var prospect = given.strand(given.prospect(rep));
        var found = leads.withoutNextStep(rep.asActor(), 1000).stream()
                .filter(s -> s.prospectId().equals(prospect.id()))
                .findFirst()
                .orElseThrow();

        assertThat(enrol(rep, prospect, "{\"cadence\":\"nurture\",\"replace\":true}"))
                .isEqualTo(HttpStatus.CREATED.value());
        assertThat(leads.plan(found, clock.instant())).isEqualTo(Leads.Planned.PLANNED_MEANWHILE);
        assertThat(enrolments.active(prospect.id()).orElseThrow().cadenceKey()).isEqualTo(Cadence.NURTURE);

        assertThat(unenrol(rep, prospect)).isEqualTo(HttpStatus.NO_CONTENT.value());
        assertThat(leads.plan(found, clock.instant()))
                .as("taken out by hand between the check's reading and its planning")
                .isEqualTo(Leads.Planned.LEFT_TO_OWNER);
        assertThat(enrolments.active(prospect.id())).isEmpty();
    }

    private int unenrol(Member member, Prospect prospect) {
        return mvc.delete()
                .uri("/api/v1/prospects/" + prospect.id() + "/enrolment")
                .header("Authorization", given.bearer(member))
                .exchange()
                .getResponse()
                .getStatus();
    }

    private int enrol(Member member, Prospect prospect, String body) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/enrolment")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange()
                .getResponse()
                .getStatus();
    }

    private List<UUID> listed(Member member) {
        var ids = new ArrayList<UUID>();
        api.body(api.get(member, "/api/v1/prospects/without-next-step"))
                .forEach(s -> ids.add(UUID.fromString(s.get("prospectId").asString())));
        return ids;
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
