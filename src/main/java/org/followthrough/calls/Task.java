package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** One call to make: for whom, when, why, and the voicemail template of this attempt. */
public record Task(
        UUID id,
        UUID prospectId,
        UUID ownerId,
        UUID enrolmentId,
        Integer stepN,
        UUID appointmentId,
        TaskKind kind,
        Instant dueAt,
        String reason,
        String template,
        String status) {}
