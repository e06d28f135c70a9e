package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * A prospect's cadence was paused at {@code at} for {@code reason}, after {@code stepsDone} steps:
 * its open calls left the queue, and its emails still waiting are to be withdrawn. {@code until} is
 * when it resumes by itself, or null.
 */
public record EnrolmentPaused(
        UUID enrolmentId,
        UUID prospectId,
        String cadenceKey,
        int stepsDone,
        String reason,
        Instant at,
        Instant until) {}
