package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** The prospect's running cadence sends no more emails (they replied, R21); its calls go on. */
public record CadenceEmailsStopped(UUID enrolmentId, UUID prospectId, String reason, Instant at) {}
