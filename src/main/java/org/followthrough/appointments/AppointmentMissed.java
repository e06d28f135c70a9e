package org.followthrough.appointments;

import java.time.Instant;
import java.util.UUID;

/** The call at an agreed appointment did not reach the prospect; the missed-appointment protocol starts (R12). */
public record AppointmentMissed(UUID appointmentId, UUID prospectId, UUID ownerId, Instant at) {}
