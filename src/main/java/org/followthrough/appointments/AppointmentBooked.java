package org.followthrough.appointments;

import java.time.Instant;
import java.util.UUID;

/** A specific next call was agreed with a prospect (R9). */
public record AppointmentBooked(UUID appointmentId, UUID prospectId, UUID ownerId, Instant at) {}
