package org.followthrough.touches;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** R5's numbering: first-time calls until the prospect is reached, follow-ups from then on. */
class AttemptsTest {

    @Test
    void everyAttemptBeforeTheFirstConnectionIsAFirstTimeCall() {
        var attempts = Attempts.NONE;
        assertThat(attempts.nextLabel()).isEqualTo("FTC #1");
        for (var outcome : new String[] {"NO_ANSWER", "VOICEMAIL", "GATEKEEPER", "BAD_TIMING"}) {
            attempts = attempts.after(outcome);
        }
        assertThat(attempts.nextLabel()).isEqualTo("FTC #5");
        assertThat(attempts.followUps()).isZero();
    }

    @Test
    void fromTheConnectingCallOnEveryCallIsAFollowUpAndCountsForPersistence() {
        var attempts = Attempts.NONE.after("NO_ANSWER").after("CONNECTED");
        assertThat(attempts.nextLabel()).isEqualTo("Follow-up #1");
        assertThat(attempts.followUps()).isEqualTo(1);
        attempts = attempts.after("NO_ANSWER").after("CONNECTED");
        assertThat(attempts.nextLabel()).isEqualTo("Follow-up #3");
        assertThat(attempts.followUps()).isEqualTo(3);
        assertThat(attempts.beforeConnection()).isEqualTo(2);
    }
}
