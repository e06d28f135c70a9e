package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** A paused cadence resumed at {@code at}: the prospect goes on in it from the step after {@code stepsDone}. */
public record EnrolmentResumed(UUID enrolmentId, UUID prospectId, String cadenceKey, int stepsDone, Instant at) {}
