package org.followthrough.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final SignInThrottle throttle = SignInThrottle.DEFAULT;
    private final Instant now = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void theFirstFailuresCostNothing() {
        assertThat(throttle.blockedUntil(2, now, null, now)).isEmpty();
    }

    @Test
    void afterThreeFailuresEachAttemptWaitsTwiceAsLong() {
        assertThat(throttle.blockedUntil(3, now, null, now)).contains(now.plusSeconds(1));
        assertThat(throttle.blockedUntil(4, now, null, now)).contains(now.plusSeconds(2));
        assertThat(throttle.blockedUntil(6, now, null, now)).contains(now.plusSeconds(8));
        assertThat(throttle.blockedUntil(6, now, null, now.plusSeconds(8))).isEmpty();
    }

    @Test
    void aLockHoldsUntilItEnds() {
        var lockedUntil = now.plus(Duration.ofMinutes(15));
        assertThat(throttle.blockedUntil(10, now, lockedUntil, now.plusSeconds(899)))
                .contains(lockedUntil);
    }

    @Test
    void whenTheLockEndsTheNextAttemptMayBeMade() {
        var lockEnded = now.plus(Duration.ofMinutes(15));
        assertThat(throttle.blockedUntil(10, now, lockEnded, lockEnded)).isEmpty();
    }
}
