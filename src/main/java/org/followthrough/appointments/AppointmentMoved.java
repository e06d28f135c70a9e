package org.followthrough.appointments;

import java.time.Instant;
import java.util.UUID;

/** A booked appointment was given a new time; {@code sequence} is its calendar version now. */
public record AppointmentMoved(
        UUID appointmentId, UUID prospectId, UUID ownerId, Instant from, Instant to, int sequence) {}
