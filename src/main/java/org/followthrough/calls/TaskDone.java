package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** A task's call was logged: it leaves the owner's queue. */
public record TaskDone(UUID taskId, UUID prospectId, UUID ownerId, Instant at) {}
