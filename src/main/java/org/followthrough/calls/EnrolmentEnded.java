package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** A prospect's cadence ended after {@code stepsDone} steps, for {@code reason}: nothing of it is planned any more. */
public record EnrolmentEnded(
        UUID enrolmentId, UUID prospectId, String cadenceKey, int stepsDone, String reason, Instant at) {}
