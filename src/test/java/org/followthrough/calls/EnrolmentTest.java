package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.junit.jupiter.api.Test;

/** An enrolment's life: active while its steps happen in order, ended once, never moved after. */
class EnrolmentTest {

    final Instant start = Instant.parse("2026-08-17T13:00:00Z");

    @Test
    void aResumedEnrolmentStartsWithTheStepsAlreadyBehindIt() {
        var fresh = Enrolment.start(UUID.randomUUID(), "first-time-calls", false, start, 0, start);
        assertThat(fresh.lastDoneN()).isZero();
        assertThat(fresh.lastDoneAt()).isNull();
        assertThat(fresh.lastMoment()).isEqualTo(start);
        var resumed = Enrolment.start(UUID.randomUUID(), "first-time-calls", false, start, 3, start.plusSeconds(60));
        assertThat(resumed.lastDoneN()).isEqualTo(3);
        assertThat(resumed.lastMoment()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void stepsHappenInOrderAndEndTheWait() {
        var e = Enrolment.start(UUID.randomUUID(), "nurture", false, start, 0, start)
                .waitFor(1, start.plusSeconds(3600));
        assertThat(e.waitingStep()).isEqualTo(1);
        var done = e.stepDone(1, start.plusSeconds(3600));
        assertThat(done.lastDoneN()).isEqualTo(1);
        assertThat(done.waitingStep()).isNull();
        assertThat(done.waitingUntil()).isNull();
        assertThatThrownBy(() -> done.stepDone(1, start)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endingSaysWhyAndHowFarItGot() {
        var e = Enrolment.start(UUID.randomUUID(), "first-time-calls", false, start, 0, start)
                .stepDone(1, start)
                .stepDone(2, start.plusSeconds(600));
        var ended = e.end("connected", start.plusSeconds(900));
        assertThat(ended.now().isActive()).isFalse();
        assertThat(ended.event())
                .isEqualTo(new EnrolmentEnded(
                        e.id(), e.prospectId(), "first-time-calls", 2, "connected", start.plusSeconds(900), false));
        var completed = e.complete(start.plusSeconds(900));
        assertThat(completed.event().completed()).isTrue();
        assertThat(completed.event().reason()).isEqualTo("all steps done");
    }

    @Test
    void anEndedEnrolmentNeverMovesAgain() {
        var ended = Enrolment.start(UUID.randomUUID(), "post-sale", false, start, 0, start)
                .complete(start)
                .now();
        assertThatThrownBy(() -> ended.stepDone(1, start)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ended.waitFor(1, start)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ended.end("again", start)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ended.complete(start)).isInstanceOf(Refusal.class);
    }

    @Test
    void aPausedEnrolmentHoldsStillUntilItIsResumedOrEnded() {
        var e = Enrolment.start(UUID.randomUUID(), "first-time-calls", false, start, 0, start)
                .stepDone(1, start)
                .stepDone(2, start.plusSeconds(600));
        var until = start.plus(java.time.Duration.ofDays(30));
        var paused = e.pause("parental leave", until, start.plusSeconds(3600));
        assertThat(paused.now().isPaused()).isTrue();
        assertThat(paused.now().isRunning())
                .as("still the prospect's one cadence")
                .isTrue();
        assertThat(paused.now().lastDoneN()).isEqualTo(2);
        assertThat(paused.now().pause())
                .isEqualTo(new Enrolment.Pause("parental leave", start.plusSeconds(3600), until));
        assertThat(paused.event())
                .isEqualTo(new EnrolmentPaused(
                        e.id(),
                        e.prospectId(),
                        "first-time-calls",
                        2,
                        "parental leave",
                        start.plusSeconds(3600),
                        until));

        assertThatThrownBy(() -> paused.now().stepDone(3, start.plusSeconds(7200)))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> paused.now().pause("again", null, start.plusSeconds(7200)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("paused already");

        var resumed = paused.now().resume(until);
        assertThat(resumed.now().isRunning())
                .as("handed over to the enrolment that goes on")
                .isFalse();
        assertThat(resumed.event())
                .isEqualTo(new EnrolmentResumed(e.id(), e.prospectId(), "first-time-calls", 2, until));
        assertThatThrownBy(() -> resumed.now().resume(until)).isInstanceOf(Refusal.class);

        var cutShort = paused.now().end("connected", start.plusSeconds(7200));
        assertThat(cutShort.now().isRunning()).isFalse();
        assertThat(cutShort.event().completed()).isFalse();
    }

    @Test
    void anEmailCountedDoneAheadOfItsMomentIsNotDoneOnceWithdrawnByAPause() {
        var callAt = start.plusSeconds(600);
        var e = Enrolment.start(UUID.randomUUID(), "first-time-calls", false, start, 0, start)
                .stepDone(1, callAt)
                .stepDone(2, callAt.plusSeconds(600));
        var paused = e.pause("asked for a pause", null, callAt.plusSeconds(60));
        assertThat(paused.now().lastDoneN())
                .as("the email due in nine minutes is planned again")
                .isEqualTo(1);
        assertThat(paused.now().lastDoneAt()).isEqualTo(callAt.plusSeconds(60));
        assertThat(paused.now().pause().until()).isNull();
    }

    @Test
    void onlyAnActiveEnrolmentPausesAndOnlyAPausedOneResumes() {
        var active = Enrolment.start(UUID.randomUUID(), "nurture", false, start, 0, start);
        assertThatThrownBy(() -> active.resume(start)).isInstanceOf(Refusal.class);
        var ended = active.complete(start).now();
        assertThatThrownBy(() -> ended.pause("late", null, start)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> active.pause("back in time", start.minusSeconds(1), start))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
