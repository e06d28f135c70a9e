package org.followthrough.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An address that receives FollowThrough's events. The secret it verifies signatures with is never
 * shown back: {@code secretHint} shows only its last four characters.
 */
public record Subscriber(UUID id, String url, String secretHint, List<String> events, Instant createdAt) {

    /** The event names a subscriber may ask for. */
    public static final List<String> EVENTS = List.of(
            "prospect.created",
            "prospect.stage_changed",
            "appointment.booked",
            "appointment.missed",
            "signal.received");

    boolean wants(String event) {
        return events.isEmpty() || events.contains(event);
    }
}
