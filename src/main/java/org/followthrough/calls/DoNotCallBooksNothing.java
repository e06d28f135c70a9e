package org.followthrough.calls;

import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.springframework.http.HttpStatus;

/**
 * A prospect flagged do-not-call is never called (R2), so no call is booked with them either: not as
 * a call's next step, not by moving an appointment.
 */
final class DoNotCallBooksNothing implements CallRule {

    @Override
    public void check(LoggedCall call) {
        if (call.booksAppointment()) {
            check(call.prospect());
        }
    }

    static void check(Prospect p) {
        if (p.doNotCall()) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "Do not call",
                    p.fullName() + " is flagged do-not-call, so no call can be booked with them (R2). Reach them"
                            + " by email, or clear doNotCall if they asked to be called.");
        }
    }
}
