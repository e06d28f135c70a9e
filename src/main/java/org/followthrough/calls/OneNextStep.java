package org.followthrough.calls;

import org.followthrough.common.InvalidInput;

/**
 * A next step is one thing (R9): an appointment {@code {appointmentAt, agenda}} or an end
 * {@code {stage}} — never both, never a step with neither.
 */
final class OneNextStep implements CallRule {

    @Override
    public void check(LoggedCall call) {
        var next = call.next();
        if (next != null && (next.appointmentAt() != null) == (next.stage() != null)) {
            throw InvalidInput.of(
                    "nextStep",
                    "give either an appointment {appointmentAt, agenda} or an end {stage: WON, LOST or NURTURE}");
        }
    }
}
