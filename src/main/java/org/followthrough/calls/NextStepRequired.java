package org.followthrough.calls;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.followthrough.appointments.AppointmentRules;
import org.followthrough.calendar.Slots;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;

/**
 * A connected call ends with a specific next step (R9): an appointment or an end. "Call me next week"
 * is not one; the refusal proposes concrete slots. A customer's post-sale check-in (R24) needs none.
 */
final class NextStepRequired implements CallRule {

    private final BiFunction<Prospect, Instant, List<Slots.Slot>> alternatives;

    NextStepRequired(BiFunction<Prospect, Instant, List<Slots.Slot>> alternatives) {
        this.alternatives = alternatives;
    }

    @Override
    public void check(LoggedCall call) {
        if (call.connected() && call.next() == null && !call.afterSale()) {
            throw new Refusal(
                            AppointmentRules.UNPROCESSABLE,
                            "Next step needed",
                            "A connected call needs a specific next step: an appointment {appointmentAt, agenda} —"
                                    + " \"call me next week\" is not one — or an end {stage: WON, LOST or NURTURE}.")
                    .with("alternatives", alternatives.apply(call.prospect(), call.now()));
        }
    }
}
