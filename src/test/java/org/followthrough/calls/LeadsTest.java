package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Member;
import org.followthrough.timing.TimedActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/**
 * Never lose a lead (R23): the prospects with no planned next step are listed — nurtured and
 * do-not-call ones too, whose plan is an email — and the check gives each it can a next step where
 * it left off (R6), leaving engaged ones to their owner.
 */
@ApplicationTest
class LeadsTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String NURTURE = "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}";

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
    Leads leads;

    @Autowired
    Tasks tasks;

    @Autowired
    Enrolments enrolments;

    @Autowired
    Outbox outbox;

    @Autowired
    Prospects prospects;

    @Autowired
    TimedActions actions;

    @Autowired
    CadenceStepsDue due;

    @Autowired
    MeterRegistry meters;

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
    void theProspectsWithoutANextStepAreListedForTheirOwnerNurturedAndDoNotCallOnesIncluded() {
        var rep = given.rep();
        var engaged = engagedWithNothingPlanned(rep);
        var unreached = given.strand(given.prospect(rep));
        var nurtured = nurtured(rep);
        var nurtureLost = lose(nurtured(rep));
        var doNotCall = doNotCall(rep);
        var doNotCallLost = lose(doNotCall(rep));
        var colleague = given.rep();
        var theirs = engagedWithNothingPlanned(colleague);

        assertThat(listed(rep))
                .contains(engaged.id(), unreached.id(), nurtureLost.id(), doNotCallLost.id())
                .doesNotContain(nurtured.id(), doNotCall.id(), theirs.id());
        assertThat(listed(given.manager())).contains(engaged.id(), theirs.id());
    }

    @Test
    void theCheckPlansANextStepWhereEachProspectLeftOffAndLeavesEngagedOnesToTheirOwner() {
        var rep = given.rep();
        var unreached = given.prospect(rep);
        api.log(rep, unreached, "{\"outcome\":\"NO_ANSWER\"}");
        api.log(rep, unreached, "{\"outcome\":\"NO_ANSWER\"}");
        given.strand(unreached);
        var nurtured = nurtured(rep);
        var steps = new NurtureSteps(enrolments, actions, due);
        steps.nextEmailIsDue(nurtured);
        steps.nextEmailIsDue(nurtured);
        lose(nurtured);
        var doNotCall = lose(doNotCall(rep));
        var engaged = engagedWithNothingPlanned(rep);

        leads.check();

        assertThat(tasks.openFor(unreached.id()))
                .as("the third first-time call, not the first again")
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.template()).isEqualTo("ftc-voicemail-3");
                    assertThat(t.reason()).isEqualTo("First-time calls: call 3 of 6");
                    assertThat(t.dueAt()).isEqualTo(at(2026, 8, 18, 16, 0));
                });
        var nurture = enrolments.active(nurtured.id()).orElseThrow();
        assertThat(nurture.cadenceKey()).isEqualTo(Cadence.NURTURE);
        assertThat(nurture.waitingStep()).as("the third nurture email").isEqualTo(3);
        assertThat(outbox.list(EmailStatus.PENDING, nurtured.id(), 0, 10)).anySatisfy(e -> assertThat(e.dedupeKey())
                .isEqualTo(org.followthrough.calls.CadenceEmailPlanned.PREFIX + nurture.id() + "/3"));
        assertThat(enrolments.active(doNotCall.id()).orElseThrow().cadenceKey()).isEqualTo(Cadence.NURTURE);
        assertThat(tasks.openFor(doNotCall.id())).isEmpty();

        var listed = listed(rep);
        assertThat(listed).containsExactly(engaged.id());
        assertThat(enrolments.active(engaged.id())).isEmpty();
        assertThat(meters.get("followthrough.prospects.without.next.step")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
    }

    private List<UUID> listed(Member member) {
        var result = api.get(member, "/api/v1/prospects/without-next-step");
        assertThat(result).hasStatus(HttpStatus.OK);
        var ids = new ArrayList<UUID>();
        api.body(result)
                .forEach(s -> ids.add(UUID.fromString(s.get("prospectId").asString())));
        return ids;
    }

    /** Spoken with, then their appointment called off: engaged, with nothing planned. */
    private Prospect engagedWithNothingPlanned(Member rep) {
        var prospect = given.prospect(rep);
        api.log(
                rep,
                prospect,
                "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"2026-08-20T16:00:00-04:00\"}}");
        var id = api.body(api.get(rep, "/api/v1/prospects/" + prospect.id() + "/appointments"))
                .get(0)
                .get("id")
                .asString();
        assertThat(mvc.delete()
                        .uri("/api/v1/appointments/" + id)
                        .header("Authorization", given.bearer(rep))
                        .exchange())
                .hasStatusOk();
        return prospect;
    }

    private Prospect nurtured(Member rep) {
        var prospect = given.prospect(rep);
        api.log(rep, prospect, NURTURE);
        return prospect;
    }

    private Prospect doNotCall(Member rep) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return given.enrolled(prospects
                .create(
                        rep.asActor(),
                        new ProspectFields(
                                "Dee Quiet " + unique,
                                null,
                                "dee." + unique + "@acme.example",
                                null,
                                "Acme " + unique,
                                null,
                                null,
                                "US",
                                "America/New_York",
                                null,
                                null,
                                true,
                                null),
                        false,
                        "API")
                .prospect());
    }

    /** Ends the prospect's running cadence behind the engine's back, as a lost timed action or a bug would. */
    private Prospect lose(Prospect prospect) {
        jdbc.sql("update enrolments set status = 'ENDED', active_prospect_id = null, exclusive_prospect_id = null"
                        + " where active_prospect_id = ?")
                .param(prospect.id())
                .update();
        return prospect;
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
