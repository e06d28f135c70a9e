package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** A task was called off because its plan changed: it leaves the owner's queue. */
public record TaskCancelled(UUID taskId, UUID prospectId, UUID ownerId, Instant at) {}
