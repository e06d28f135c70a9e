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
        var fresh = Enrolment.start(UUID.randomUUID(), "first-time-calls", start, 0, start);
        assertThat(fresh.lastDoneN()).isZero();
        assertThat(fresh.lastDoneAt()).isNull();
        assertThat(fresh.lastMoment()).isEqualTo(start);
        var resumed = Enrolment.start(UUID.randomUUID(), "first-time-calls", start, 3, start.plusSeconds(60));
        assertThat(resumed.lastDoneN()).isEqualTo(3);
        assertThat(resumed.lastMoment()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void stepsHappenInOrderAndEndTheWait() {
        var e = Enrolment.start(UUID.randomUUID(), "nurture", start, 0, start).waitFor(1, start.plusSeconds(3600));
        assertThat(e.waitingStep()).isEqualTo(1);
        var done = e.stepDone(1, start.plusSeconds(3600));
        assertThat(done.lastDoneN()).isEqualTo(1);
        assertThat(done.waitingStep()).isNull();
        assertThat(done.waitingUntil()).isNull();
        assertThatThrownBy(() -> done.stepDone(1, start)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endingSaysWhyAndHowFarItGot() {
        var e = Enrolment.start(UUID.randomUUID(), "first-time-calls", start, 0, start)
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
        var ended = Enrolment.start(UUID.randomUUID(), "post-sale", start, 0, start)
                .complete(start)
                .now();
        assertThatThrownBy(() -> ended.stepDone(1, start)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ended.waitFor(1, start)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ended.end("again", start)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ended.complete(start)).isInstanceOf(Refusal.class);
    }
}
