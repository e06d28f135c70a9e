package org.followthrough.appointments;

import java.time.Instant;
import java.util.UUID;

/**
 * The call that keeps an appointment, waiting in the owner's queue: it moves with the appointment and
 * is called off with it. The queue is the calls module's, which provides this.
 */
public interface AppointmentCalls {

    /** The appointment's open call is now due at {@code dueAt}, with this reason. */
    void moveAppointmentCall(UUID appointmentId, Instant dueAt, String reason);

    /** The appointment's open call is cancelled. */
    void cancelAppointmentCall(UUID appointmentId, Instant now);
}
