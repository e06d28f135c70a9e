package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * A prospect's cadence ended after {@code stepsDone} steps, for {@code reason}. {@code completed} when
 * it ran out of steps; otherwise it was cut short (the prospect was reached, an appointment booked,
 * another cadence started) and nothing it planned is to happen any more.
 */
public record EnrolmentEnded(
        UUID enrolmentId,
        UUID prospectId,
        String cadenceKey,
        int stepsDone,
        String reason,
        Instant at,
        boolean completed) {}
