package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.cadence.Cadence;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.prospects.Prospect;
import org.followthrough.signals.WebhookSignature;
import org.followthrough.timing.TimedActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

/**
 * Nurture (R20, R23) is a running cadence with one email planned at a time: each is planned when the
 * one before is due, the next round starts after the last, and whatever ends the nurture — a new
 * conversation, a sale, nurture chosen again, a reply — withdraws the email still waiting.
 */
@ApplicationTest
class NurtureTest {

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
    Outbox outbox;

    @Autowired
    Enrolments enrolments;

    @Autowired
    TimedActions actions;

    @Autowired
    CadenceStepsDue due;

    EngineApi api;
    NurtureSteps steps;

    @BeforeEach
    void tuesdayMorning() {
        api = new EngineApi(mvc, given, json);
        steps = new NurtureSteps(enrolments, actions, due);
        clock.set(at(2026, 8, 18, 9, 0));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void oneEmailIsPlannedAtATimeAndTheNextRoundStartsAfterTheLast() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        assertThat(api.log(rep, prospect, NURTURE)).hasStatus(HttpStatus.CREATED);

        var first = enrolments.active(prospect.id()).orElseThrow();
        assertThat(first.cadenceKey()).isEqualTo(Cadence.NURTURE);
        assertThat(waiting(prospect)).singleElement().satisfies(email -> {
            assertThat(email.dueAt()).isEqualTo(at(2026, 9, 9, 9, 0)); // 15 business days, Labor Day skipped
            assertThat(steps.waiting(prospect).dueAt()).isEqualTo(email.dueAt());
        });

        for (int email = 2; email <= 8; email++) {
            steps.nextEmailIsDue(prospect);
            assertThat(waiting(prospect)).hasSize(email);
        }
        var last = waiting(prospect).get(7).dueAt();
        assertThat(enrolments.active(prospect.id()).orElseThrow().id()).isEqualTo(first.id());

        steps.nextEmailIsDue(prospect);
        var next = enrolments.active(prospect.id()).orElseThrow();
        assertThat(next.cadenceKey()).isEqualTo(Cadence.NURTURE);
        assertThat(next.id()).as("the next round").isNotEqualTo(first.id());
        assertThat(next.startedAt()).isEqualTo(last);
        assertThat(waiting(prospect)).hasSize(9);
    }

    @Test
    void nurtureChosenAgainReplacesTheWaitingEmailAndASaleWithdrawsIt() {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        api.log(rep, prospect, NURTURE);
        var firstRound = waiting(prospect);

        clock.set(at(2026, 8, 25, 11, 0));
        assertThat(api.log(rep, prospect, NURTURE)).hasStatus(HttpStatus.CREATED);
        assertThat(waiting(prospect))
                .as("one nurture stream, not two")
                .singleElement()
                .satisfies(email -> {
                    assertThat(email.id()).isNotEqualTo(firstRound.get(0).id());
                    assertThat(email.dueAt()).isEqualTo(at(2026, 9, 16, 11, 0));
                });

        assertThat(api.log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"WON\"}}"))
                .hasStatus(HttpStatus.CREATED);
        var afterSale = enrolments.active(prospect.id()).orElseThrow();
        assertThat(afterSale.cadenceKey()).isEqualTo(Cadence.POST_SALE);
        assertThat(waiting(prospect)).as("only the post-sale check-in waits").allSatisfy(e -> assertThat(e.dedupeKey())
                .startsWith(org.followthrough.calls.CadenceEmailPlanned.PREFIX + afterSale.id()));
    }

    @Test
    void aReplyWithdrawsTheWaitingNurtureEmail() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        api.log(rep, prospect, NURTURE);
        assertThat(waiting(prospect)).hasSize(1);

        var body = "{\"id\":\"reply-" + UUID.randomUUID() + "\",\"type\":\"EMAIL_REPLY\",\"occurredAt\":\""
                + clock.instant() + "\",\"email\":\"" + prospect.email() + "\",\"message\":\"Not now, thanks\"}";
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post()
                        .uri("/api/v1/signals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                WebhookSignature.HEADER,
                                WebhookSignature.sign(bytes, "test-webhook-secret", clock.instant()))
                        .content(bytes))
                .hasStatus(HttpStatus.ACCEPTED);

        given.settled();
        assertThat(waiting(prospect)).isEmpty();
        assertThat(outbox.list(EmailStatus.CANCELLED, prospect.id(), 0, 10)).hasSize(1);
    }

    /** The prospect's cadence emails waiting in the outbox, earliest first. */
    private List<OutboxEntry> waiting(Prospect prospect) {
        return outbox.list(EmailStatus.PENDING, prospect.id(), 0, 50).stream()
                .filter(e -> e.dedupeKey().startsWith(org.followthrough.calls.CadenceEmailPlanned.PREFIX))
                .sorted(java.util.Comparator.comparing(OutboxEntry::dueAt))
                .toList();
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }
}
