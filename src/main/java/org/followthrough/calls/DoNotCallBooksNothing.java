package org.followthrough.calls;

import org.followthrough.appointments.AppointmentRules;

/**
 * A prospect flagged do-not-call is never called (R2), so no call is booked with them either: not as
 * a call's next step, not by moving an appointment.
 */
final class DoNotCallBooksNothing implements CallRule {

    @Override
    public void check(LoggedCall call) {
        if (call.booksAppointment()) {
            AppointmentRules.refuseDoNotCall(call.prospect());
        }
    }
}
