package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The engine end to end through the API, on a fixed Tuesday morning in New York: a new prospect is
 * called at once, unanswered calls plan the next attempt and its email, a connected call needs a
 * specific next step, an appointment is called on time, a missed one is retried ten minutes later.
 */
@ApplicationTest
class FollowUpEngineTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant TUESDAY_9AM = at(2026, 8, 18, 9, 0);

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

    @BeforeEach
    void tuesdayMorning() {
        clock.set(TUESDAY_9AM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aNewProspectIsCalledAtOnceAndANoAnswerPlansFtc2AndItsEmailExactlyAsThePreviewSays() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);

        var first = queue(rep).get(0);
        assertThat(first.get("label").asString()).isEqualTo("FTC #1");
        assertThat(first.get("kind").asString()).isEqualTo("FIRST_TIME_CALL");
        assertThat(Instant.parse(first.get("dueAt").asString())).isEqualTo(TUESDAY_9AM);

        var logged = log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        assertThat(logged)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.label")
                .isEqualTo("FTC #1");

        var second = queue(rep).get(0);
        assertThat(second.get("label").asString()).isEqualTo("FTC #2");
        var preview = body(mvc.post()
                .uri("/api/v1/cadences/preview")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"cadence\":\"first-time-calls\",\"start\":\"2026-08-18T09:00\",\"timeZone\":\"America/New_York\","
                                + "\"country\":\"US\",\"outcomes\":[\"NO_ANSWER\"]}")
                .exchange());
        var previewCall2 = preview.get("steps").get(2);
        assertThat(previewCall2.get("label").asString()).isEqualTo("FTC #2");
        assertThat(Instant.parse(second.get("dueAt").asString()))
                .isEqualTo(Instant.from(
                        java.time.OffsetDateTime.parse(previewCall2.get("at").asString())));
        var email = outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10);
        assertThat(email).singleElement().satisfies(e -> {
            assertThat(e.dueAt()).isEqualTo(TUESDAY_9AM.plusSeconds(600));
            assertThat(e.to()).isEqualTo(prospect.email());
        });
    }

    @Test
    void aConnectedCallNeedsASpecificNextStepAndImpossibleAppointmentsAreRefusedWithAlternatives() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);

        var noNextStep = log(rep, prospect, "{\"outcome\":\"CONNECTED\"}");
        assertThat(noNextStep).hasStatus(422);
        assertThat(body(noNextStep).get("alternatives").size()).isEqualTo(3);
        assertThat(log(rep, prospect, appointment("2026-08-22T10:00:00-04:00"))).hasStatus(422);
        assertThat(log(rep, prospect, appointment("2026-08-20T22:00:00-04:00"))).hasStatus(422);
        assertThat(log(rep, prospect, appointment("2026-08-17T16:00:00-04:00"))).hasStatus(422);

        var booked = log(rep, prospect, appointment("2026-08-20T16:00:00-04:00"));
        assertThat(booked)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.label")
                .isEqualTo("FTC #1");
        var queue = queue(rep);
        assertThat(queue.get(0).get("kind").asString()).isEqualTo("APPOINTMENT");
        assertThat(Instant.parse(queue.get(0).get("dueAt").asString())).isEqualTo(at(2026, 8, 20, 16, 0));
        var emails = outbox.list(EmailStatus.PENDING, prospect.id(), 0, 10);
        assertThat(emails).anySatisfy(e -> {
            assertThat(e.subject()).startsWith("Thank you");
            assertThat(e.invitation()).isTrue();
        });
        assertThat(emails).anySatisfy(e -> {
            // "and article of interest" only when the library has an article for the prospect
            assertThat(e.subject()).startsWith("Telephone appointment for August 20");
            assertThat(e.dueAt()).isEqualTo(at(2026, 8, 19, 10, 0));
        });

        var other = given.prospect(rep);
        var clash = log(rep, other, appointment("2026-08-20T16:15:00-04:00"));
        assertThat(clash).hasStatus(422);
        assertThat(body(clash).get("detail").asString()).contains("30 minutes");
    }

    @Test
    void aMissedAppointmentIsRetriedTenMinutesLaterAndTheCallsLatenessIsRecorded() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        log(rep, prospect, appointment("2026-08-20T16:00:00-04:00"));
        clock.set(at(2026, 8, 20, 16, 2));

        var missed = log(rep, prospect, "{\"outcome\":\"VOICEMAIL\"}");
        assertThat(missed)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.label")
                .isEqualTo("Follow-up #1");
        var retry = queue(rep).get(0);
        assertThat(retry.get("kind").asString()).isEqualTo("RETRY");
        assertThat(retry.get("label").asString()).isEqualTo("Follow-up #2");
        assertThat(Instant.parse(retry.get("dueAt").asString())).isEqualTo(at(2026, 8, 20, 16, 10));
        var timeline = body(get(rep, "/api/v1/prospects/" + prospect.id() + "/timeline"));
        assertThat(timeline.get("touches").get(0).get("latenessSeconds").asLong())
                .isEqualTo(120);

        clock.set(at(2026, 8, 20, 16, 11));
        var won = log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"WON\"}}");
        assertThat(won).hasStatus(HttpStatus.CREATED);
        var afterSale = queue(rep);
        assertThat(afterSale).hasSize(1);
        assertThat(afterSale.get(0).get("kind").asString()).isEqualTo("POST_SALE");
        assertThat(body(get(rep, "/api/v1/prospects/" + prospect.id()))
                        .get("stage")
                        .asString())
                .isEqualTo("WON");
    }

    @Test
    void givingUpBeforeFiveFollowUpsWithoutANoAsksForConfirmation() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var early = log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"LOST\"}}");
        assertThat(early).hasStatus(HttpStatus.CONFLICT);
        assertThat(body(early).get("followUps").asInt()).isZero();

        var confirmed =
                log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"confirm\":true,\"nextStep\":{\"stage\":\"LOST\"}}");
        assertThat(confirmed).hasStatus(HttpStatus.CREATED);
        assertThat(queue(rep).size()).isZero();
        assertThat(body(get(rep, "/api/v1/prospects/" + prospect.id()))
                        .get("stage")
                        .asString())
                .isEqualTo("LOST");
    }

    @Test
    void callsAreLoggedOnlyForOnesOwnProspectsAndNeverInTheFuture() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(log(given.rep(), prospect, "{\"outcome\":\"NO_ANSWER\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(log(rep, prospect, "{\"outcome\":\"NO_ANSWER\",\"at\":\"2026-08-18T10:00:00-04:00\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("at");
        assertThat(log(rep, prospect, "{\"outcome\":\"SHOUTED\"}")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aDoNotCallProspectIsNeverQueued() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(queue(rep).size()).isEqualTo(1);
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + prospect.id())
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doNotCall\":true}"))
                .hasStatusOk();
        assertThat(queue(rep).size()).isZero();
    }

    @Test
    void importedProspectsJoinTheFirstTimeCallCadenceAndTheQueue() throws Exception {
        var rep = given.rep();
        var tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        var csv = "Full Name,Email,Phone,Country,Do Not Call\n"
                + "Ana Import,ana." + tag + "@import.example,+1 312 555 0101,US,no\n"
                + "Ben Import,ben." + tag + "@import.example,+49 30 901820,DE,no\n"
                + "Cy Import,cy." + tag + "@import.example,+1 415 555 0102,US,yes\n";
        assertThat(mvc.post()
                        .uri("/api/v1/imports")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .content(csv))
                .hasStatus(HttpStatus.ACCEPTED);
        var deadline = System.nanoTime() + 20_000_000_000L;
        var queue = queue(rep);
        while (queue.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            queue = queue(rep);
        }
        assertThat(queue.size()).as("the two callable imported prospects").isEqualTo(2);
        for (var item : queue) {
            assertThat(item.get("label").asString()).isEqualTo("FTC #1");
            assertThat(item.get("prospectName").asString()).isIn("Ana Import", "Ben Import");
        }
        var berlin = java.util.stream.StreamSupport.stream(queue.spliterator(), false)
                .filter(i -> i.get("prospectName").asString().equals("Ben Import"))
                .findFirst()
                .orElseThrow();
        // Tuesday 09:00 in New York is 15:00 in Berlin: inside the window, so called at once
        assertThat(Instant.parse(berlin.get("dueAt").asString())).isEqualTo(TUESDAY_9AM);
    }

    private MvcTestResult log(Member member, Prospect prospect, String body) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static String appointment(String at) {
        return "{\"outcome\":\"CONNECTED\",\"pains\":[\"late deliveries\"],\"nextStep\":{\"appointmentAt\":\"" + at
                + "\",\"agenda\":\"review the delivery numbers\"}}";
    }

    private JsonNode queue(Member member) throws Exception {
        return body(get(member, "/api/v1/queue"));
    }

    private MvcTestResult get(Member member, String uri) {
        return mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
    }

    private JsonNode body(MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
