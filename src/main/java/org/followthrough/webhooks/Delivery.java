package org.followthrough.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Nullable;

/** One event on its way to one subscriber, with every attempt made so far (newest first). */
public record Delivery(
        UUID id,
        UUID subscriberId,
        UUID eventId,
        String event,
        String status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        Instant createdAt,
        @Nullable Instant deliveredAt,
        List<Attempt> attemptLog) {

    /** What the receiver answered (or the error that stopped the request) and how long it took. */
    public record Attempt(Instant at, Integer statusCode, String error, long durationMs) {}
}
