package org.followthrough.calls;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Stage;
import org.followthrough.touches.Attempts;
import org.followthrough.touches.LogCall;

/**
 * A call as the rules see it while it is logged: whom it was with, what the rep sent, when it
 * happened, the attempts before it (R5) and whether it is a customer's post-sale check-in (R24).
 */
record LoggedCall(Prospect prospect, LogCall call, Instant at, Instant now, Attempts before, boolean afterSale) {

    boolean connected() {
        return call.outcome() == CallOutcome.CONNECTED;
    }

    LogCall.NextStep next() {
        return call.nextStep();
    }

    boolean booksAppointment() {
        return next() != null && next().appointmentAt() != null;
    }

    /** The stage the call closes the prospect with, as the rep wrote it; empty for none or an unknown one. */
    Optional<Stage> endStage() {
        if (next() == null || next().stage() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Stage.valueOf(next().stage().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The label this call carries (R5). */
    String label() {
        return before.nextLabel();
    }
}
