package org.followthrough.appointments;

import java.time.Instant;
import java.util.UUID;

/** A booked appointment was called off; the prospect has no next step until one is agreed (R23). */
public record AppointmentCancelled(UUID appointmentId, UUID prospectId, UUID ownerId, Instant at) {}
