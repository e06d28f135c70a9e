package org.followthrough.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * How long delivery waits after the SMTP server could not be reached: 30 seconds, then twice as
 * long after each failed try, up to 5 minutes; over as soon as a connection succeeds. An outage
 * costs no email an attempt, so however long it lasts, what waits goes out once the server is back.
 */
final class DeliveryPause {

    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private Duration length;
    private Instant until;

    synchronized boolean holds(Instant now) {
        return until != null && now.isBefore(until);
    }

    /** Starts or lengthens the pause; returns when the next round may try again. */
    synchronized Instant start(Instant now) {
        length = length == null
                ? FIRST
                : (length.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : length.multipliedBy(2));
        until = now.plus(length);
        return until;
    }

    synchronized void end() {
        length = null;
        until = null;
    }
}
