package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.cadence.Cadence;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.team.Member;
import org.followthrough.timing.TimedActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What POST /api/v1/cadences/preview shows is what the engine does: a prospect whose every call goes
 * unanswered, each logged at its task's due time on the test clock, gets exactly the previewed calls
 * with the previewed labels and the previewed emails at the previewed times, and ends as previewed —
 * through the six first-time calls, and through the missed-appointment protocol.
 */
@ApplicationTest
class PreviewMatchesLiveTest {

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

    @Autowired
    Outbox outbox;

    @Autowired
    Enrolments enrolments;

    @Autowired
    Prospects prospects;

    @Autowired
    TimedActions actions;

    @Autowired
    CadenceStepsDue due;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A call or email as it happened or was planned: what, when, with which label. */
    record Step(String channel, Instant at, String label) {}

    @Test
    void theFirstTimeCallsGoAsPreviewed() {
        var start = ZonedDateTime.of(2026, 8, 18, 17, 30, 0, 0, NEW_YORK); // a Tuesday evening
        clock.set(start.toInstant());
        var api = new EngineApi(mvc, given, json);
        var rep = given.rep();
        var prospect = given.prospect(rep);

        var live = new ArrayList<Step>();
        for (var task = next(prospect); task != null; task = next(prospect)) {
            clock.set(task.dueAt());
            live.add(new Step("CALL", task.dueAt(), logNoAnswer(api, rep, prospect)));
        }
        emails(prospect).forEach(e -> live.add(new Step("EMAIL", e.dueAt(), null)));
        live.sort(Comparator.comparing(Step::at).thenComparing(Step::channel));
        var lastEmail = new NurtureSteps(enrolments, actions, due).waiting(prospect);
        due.perform(lastEmail);

        var preview = api.preview(rep, request(Cadence.FIRST_TIME_CALLS, start));
        assertThat(live).containsExactlyElementsOf(steps(preview));
        assertThat(live.stream().filter(s -> s.channel().equals("CALL"))).hasSize(6);
        assertThat(prospects.byId(prospect.id()).orElseThrow().stage())
                .isEqualTo(Stage.valueOf(preview.get("end").get("stage").asString()));
        var nurture = enrolments.active(prospect.id()).orElseThrow();
        assertThat(nurture.cadenceKey()).isEqualTo(Cadence.NURTURE);
        assertThat(nurture.startedAt()).isEqualTo(instant(preview.get("end").get("at")));
    }

    @Test
    void theMissedAppointmentProtocolGoesAsPreviewed() {
        clock.set(ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, NEW_YORK).toInstant());
        var api = new EngineApi(mvc, given, json);
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var appointment = ZonedDateTime.of(2026, 8, 18, 16, 0, 0, 0, NEW_YORK);
        assertThat(api.log(
                        rep,
                        prospect,
                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"" + appointment.toOffsetDateTime()
                                + "\",\"agenda\":\"the numbers\"}}"))
                .hasStatus(HttpStatus.CREATED);

        clock.set(appointment.toInstant());
        var live = new ArrayList<Step>();
        live.add(new Step("VOICEMAIL", appointment.toInstant(), logNoAnswer(api, rep, prospect)));
        for (var task = next(prospect); task != null; task = next(prospect)) {
            assertThat(task.kind()).isEqualTo(TaskKind.RETRY);
            clock.set(task.dueAt());
            live.add(new Step("CALL", task.dueAt(), logNoAnswer(api, rep, prospect)));
        }

        var preview = api.preview(rep, request(Cadence.MISSED_APPOINTMENT, appointment));
        assertThat(live).containsExactlyElementsOf(steps(preview));
        assertThat(live.get(0).label()).as("the missed appointment's own call").isEqualTo("Follow-up #1");
        assertThat(prospects.byId(prospect.id()).orElseThrow().stage()).isEqualTo(Stage.NURTURE);
        assertThat(enrolments.active(prospect.id()).orElseThrow().startedAt())
                .isEqualTo(instant(preview.get("end").get("at")));
    }

    private Task next(Prospect prospect) {
        return tasks.openFor(prospect.id()).stream().findFirst().orElse(null);
    }

    private static String logNoAnswer(EngineApi api, Member rep, Prospect prospect) {
        var logged = api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        assertThat(logged).hasStatus(HttpStatus.CREATED);
        return api.body(logged).get("label").asString();
    }

    private List<OutboxEntry> emails(Prospect prospect) {
        return outbox.list(null, prospect.id(), 0, 50).stream()
                .filter(e -> e.status() == EmailStatus.PENDING)
                .filter(e -> e.dedupeKey().startsWith(org.followthrough.calls.CadenceEmailPlanned.PREFIX))
                .toList();
    }

    private static String request(String cadence, ZonedDateTime start) {
        return "{\"cadence\":\"" + cadence + "\",\"start\":\"" + start.toLocalDateTime() + "\",\"timeZone\":\""
                + start.getZone().getId() + "\",\"country\":\"US\"}";
    }

    private static List<Step> steps(JsonNode preview) {
        var steps = new ArrayList<Step>();
        preview.get("steps")
                .forEach(s -> steps.add(new Step(
                        s.get("channel").asString(),
                        instant(s.get("at")),
                        s.get("label") == null || s.get("label").isNull()
                                ? null
                                : s.get("label").asString())));
        return steps;
    }

    private static Instant instant(JsonNode at) {
        return OffsetDateTime.parse(at.asString()).toInstant();
    }
}
