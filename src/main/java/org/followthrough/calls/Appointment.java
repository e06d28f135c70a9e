package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/** A call agreed for a specific date and time, with an agenda (R9). */
public record Appointment(
        UUID id, UUID prospectId, UUID ownerId, Instant at, String agenda, String status, int sequence) {}
