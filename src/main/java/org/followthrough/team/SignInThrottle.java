package org.followthrough.team;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How repeated failed sign-ins slow down and then lock an account. The first few failures cost
 * nothing; after that each attempt must wait twice as long as the one before; at {@code lockAfter}
 * failures the account is locked for {@code lockFor}. A success, or the end of a lock, starts over
 * ({@link SignInAttempts} keeps the count).
 */
record SignInThrottle(int freeFailures, int lockAfter, Duration lockFor) {

    /**
     * Each account, for attempts from anywhere but a device the member signed in from before (and each
     * known device on its own): 3 free tries, then waits of 1, 2, 4 … 64 s, and a 15-minute lock at the
     * tenth failure. At best 10 guesses in about 17 minutes: at most 40 an hour per account (measured on the test clock).
     */
    static final SignInThrottle DEFAULT = new SignInThrottle(3, 10, Duration.ofMinutes(15));

    SignInThrottle {
        if (freeFailures < 1 || lockAfter <= freeFailures || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("a throttle needs 0 < freeFailures < lockAfter and a positive lock");
        }
    }

    /** When the next attempt may be made, or empty when it may be made now. */
    Optional<Instant> blockedUntil(int failures, Instant lastFailedAt, Instant lockedUntil, Instant now) {
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return Optional.of(lockedUntil);
        }
        if (lockedUntil != null || failures < freeFailures || lastFailedAt == null) {
            return Optional.empty();
        }
        var allowedAt = lastFailedAt.plus(delayAfter(failures));
        return now.isBefore(allowedAt) ? Optional.of(allowedAt) : Optional.empty();
    }

    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - freeFailures, 10);
        return Duration.ofSeconds(1L << doublings);
    }
}
