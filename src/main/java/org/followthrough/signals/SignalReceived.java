package org.followthrough.signals;

import java.time.Instant;
import java.util.UUID;

/**
 * A signal arrived for the first time; {@code signalId} is FollowThrough's id for it, {@code match}
 * whom it concerns as far as was known when it arrived.
 */
public record SignalReceived(UUID signalId, Signal signal, Instant receivedAt, SignalMatch match) {

    public SignalReceived {
        match = match == null ? SignalMatch.NONE : match;
    }
}
