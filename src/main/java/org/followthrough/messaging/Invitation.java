package org.followthrough.messaging;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A calendar invitation for an appointment (RFC 5545). The uid stays the same for the life of the
 * appointment; each change is sent with a higher sequence, a cancellation with method CANCEL. The
 * start's zone is the prospect's; the location is optional (none for a telephone call).
 */
public record Invitation(
        String uid,
        int sequence,
        Method method,
        ZonedDateTime start,
        Duration duration,
        String summary,
        String description,
        String location,
        Recipient organizer,
        Recipient attendee) {

    public enum Method {
        REQUEST,
        CANCEL
    }

    /** An invitation without a location. */
    public Invitation(
            String uid,
            int sequence,
            Method method,
            ZonedDateTime start,
            Duration duration,
            String summary,
            String description,
            Recipient organizer,
            Recipient attendee) {
        this(uid, sequence, method, start, duration, summary, description, null, organizer, attendee);
    }

    public Invitation {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(attendee, "attendee");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        duration = duration == null ? Duration.ofMinutes(15) : duration;
        summary = summary == null ? "" : summary;
        description = description == null ? "" : description;
        location = location == null || location.isBlank() ? null : location;
    }
}
