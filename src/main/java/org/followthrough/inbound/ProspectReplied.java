package org.followthrough.inbound;

import java.time.Instant;
import java.util.UUID;

/** A prospect answered by email; their cadence sends no more automatic emails (R21). */
public record ProspectReplied(
        UUID prospectId, UUID ownerId, String prospectName, String subject, String excerpt, Instant at) {}
