package org.followthrough.calls;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;

/**
 * A call as a rep logs it: what happened, when (may be in the past, never in the future), what was
 * said (pains, gains and what each side promised to do before the next call), and for a connected
 * call the specific next step (R9).
 */
public record LogCall(
        CallOutcome outcome,
        OffsetDateTime at,
        Integer durationSeconds,
        String notes,
        List<String> pains,
        List<String> gains,
        List<String> promises,
        Objection objection,
        NextStep nextStep,
        Boolean confirm,
        UUID taskId) {

    /** An objection the prospect raised, by BANT category (R17). */
    public record Objection(String category, String text) {}

    /**
     * Either an appointment ({@code appointmentAt} and {@code agenda}; {@code prospectAgreed} allows a
     * weekend or holiday the prospect asked for) or an end ({@code stage} WON, LOST or NURTURE).
     */
    public record NextStep(
            OffsetDateTime appointmentAt,
            String agenda,
            Boolean prospectAgreed,
            String stage,
            String reason,
            Boolean prospectSaidNo) {}
}
