package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.function.BooleanSupplier;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/**
 * Do-not-call (R2): no call is queued, planned or booked, no "I tried to reach you by phone" email
 * goes out, and the prospect still has a planned next step by email (R23).
 */
@ApplicationTest
class DoNotCallTest {

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
    Outbox outbox;

    @Autowired
    Tasks tasks;

    @Autowired
    Enrolments enrolments;

    @Autowired
    Prospects prospects;

    EngineApi api;

    @BeforeEach
    void tuesdayMorning() {
        api = new EngineApi(mvc, given, json);
        clock.set(ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, NEW_YORK).toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void flaggingDoNotCallTakesTheCallsOutOfThePlanAndNurturesByEmailUntilTheFlagIsCleared() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}")).hasStatus(HttpStatus.CREATED);
        var phoneEmail = outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10).get(0);

        patch(rep, prospect, "{\"doNotCall\":true}");
        await(() -> tasks.openFor(prospect.id()).isEmpty());
        await(() -> enrolments
                .active(prospect.id())
                .filter(e -> e.cadenceKey().equals(Cadence.NURTURE))
                .isPresent());
        assertThat(outbox.find(phoneEmail.id()).orElseThrow().status()).isEqualTo(EmailStatus.CANCELLED);
        assertThat(pendingSubjects(prospect)).noneMatch(s -> s.contains("Following up"));

        patch(rep, prospect, "{\"doNotCall\":false}");
        await(() -> !tasks.openFor(prospect.id()).isEmpty());
        assertThat(tasks.openFor(prospect.id())).singleElement().satisfies(t -> assertThat(t.kind())
                .isEqualTo(TaskKind.FIRST_TIME_CALL));
    }

    @Test
    void aProspectCreatedDoNotCallIsNurturedByEmailWithoutPhoneAttemptEmails() {
        var rep = given.rep();
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var prospect = given.enrolled(prospects
                .create(
                        rep.asActor(),
                        new ProspectFields(
                                "Dee Quiet " + unique,
                                null,
                                "dee." + unique + "@acme.example",
                                "+1 212 555 0177",
                                "Acme " + unique,
                                null,
                                null,
                                "US",
                                null,
                                null,
                                null,
                                true,
                                null),
                        false,
                        "API")
                .prospect());

        assertThat(enrolments.active(prospect.id()).orElseThrow().cadenceKey()).isEqualTo(Cadence.NURTURE);
        assertThat(tasks.openFor(prospect.id())).isEmpty();
        assertThat(outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10))
                .as("one nurture email, no phone attempt emails")
                .singleElement();
    }

    @Test
    void noAppointmentIsBookedWithADoNotCallProspectAndABookedOneIsCalledOff() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(api.log(
                        rep,
                        prospect,
                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"2026-08-20T16:00:00-04:00\"}}"))
                .hasStatus(HttpStatus.CREATED);
        var appointment = api.body(api.get(rep, "/api/v1/prospects/" + prospect.id() + "/appointments"))
                .get(0)
                .get("id")
                .asString();

        patch(rep, prospect, "{\"doNotCall\":true}");
        await(() -> status(rep, appointment).equals("CANCELLED"));
        assertThat(tasks.openFor(prospect.id())).isEmpty();
        assertThat(outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10))
                .anySatisfy(e -> assertThat(e.subject()).startsWith("Cancelled"));

        var refused = api.log(
                rep,
                prospect,
                "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"appointmentAt\":\"2026-08-21T11:00:00-04:00\"}}");
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.body(refused).get("detail").asString()).contains("do-not-call");
    }

    private String status(Member rep, String appointmentId) {
        return api.body(api.get(rep, "/api/v1/appointments/" + appointmentId))
                .get("status")
                .asString();
    }

    private java.util.List<String> pendingSubjects(Prospect prospect) {
        return outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10).stream()
                .map(e -> e.subject())
                .toList();
    }

    private void patch(Member rep, Prospect prospect, String body) {
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + prospect.id())
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk();
    }

    /** Once the engine's listeners have reacted to the change, it holds. */
    private void await(BooleanSupplier done) {
        given.settled();
        assertThat(done.getAsBoolean()).as("once the listeners have reacted").isTrue();
    }
}
