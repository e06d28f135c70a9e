package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** A call went to the top of an owner's queue because something happened: an inquiry or a trigger (R7, R20). */
public record TaskRaised(
        UUID taskId, UUID prospectId, UUID ownerId, TaskKind kind, String prospectName, String reason, Instant dueAt) {}
