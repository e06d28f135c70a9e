package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.appointments.AppointmentCalls;
import org.springframework.stereotype.Component;

/** An appointment's call is a task in the queue: it moves and is cancelled with the appointment. */
@Component
class AppointmentTasks implements AppointmentCalls {

    private final Tasks tasks;

    AppointmentTasks(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void moveAppointmentCall(UUID appointmentId, Instant dueAt, String reason) {
        tasks.moveAppointmentCall(appointmentId, dueAt, reason);
    }

    @Override
    public void cancelAppointmentCall(UUID appointmentId, Instant now) {
        tasks.cancelAppointmentCall(appointmentId, now);
    }
}
