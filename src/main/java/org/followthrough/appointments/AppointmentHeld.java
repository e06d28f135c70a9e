package org.followthrough.appointments;

import java.time.Instant;
import java.util.UUID;

/** The call at an agreed appointment reached the prospect; {@code calledAt} is when it was made (R11). */
public record AppointmentHeld(UUID appointmentId, UUID prospectId, UUID ownerId, Instant at, Instant calledAt) {}
