package org.followthrough.calls;

import java.time.Instant;
import org.followthrough.prospects.Prospect;

/**
 * An appointment agreed on the call must be one the rep can keep (R2, R9): not in the past, inside the prospect's legal window, on their business day unless they
 * asked for that day, and clear of the rep's other appointments; otherwise alternatives are proposed
 * ({@link AppointmentRules} knows the calendar and the rep's appointments).
 */
final class AppointmentPossible implements CallRule {

    /** Refuses an appointment at {@code at} that cannot be kept. */
    interface Check {
        void check(Prospect p, Instant at, boolean prospectAgreed, Instant now);
    }

    private final Check check;

    AppointmentPossible(Check check) {
        this.check = check;
    }

    @Override
    public void check(LoggedCall call) {
        if (call.booksAppointment()) {
            check.check(
                    call.prospect(),
                    call.next().appointmentAt().toInstant(),
                    Boolean.TRUE.equals(call.next().prospectAgreed()),
                    call.now());
        }
    }
}
