package org.followthrough.signals;

import java.util.UUID;

/** A signal arrived for the first time; {@code signalId} is FollowThrough's id for it. */
public record SignalReceived(UUID signalId, Signal signal, java.time.Instant receivedAt) {}
