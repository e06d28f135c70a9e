package org.followthrough.calls;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.scripts.ObjectionCategory;

/**
 * A call as a rep logs it: what happened, when (may be in the past, never in the future), what was
 * said (pains, gains and what each side promised to do before the next call), and for a connected
 * call the specific next step (R9).
 */
public record LogCall(
        CallOutcome outcome,
        OffsetDateTime at,
        Integer durationSeconds,
        @org.followthrough.common.PlainText.MultiLine String notes,
        List<String> pains,
        List<String> gains,
        List<String> promises,
        Objection objection,
        NextStep nextStep,
        Boolean confirm,
        UUID taskId) {

    /**
     * An objection the prospect raised, by BANT category (R17): BUDGET, AUTHORITY, NEED, TIMING or
     * OTHER, in any case; left out, OTHER.
     */
    public record Objection(String category, @org.followthrough.common.PlainText.MultiLine String text) {

        static final int MAX_TEXT = 1000;

        /** Whether anything was said: a category or some text. */
        boolean isEmpty() {
            return (category == null || category.isBlank()) && (text == null || text.isBlank());
        }

        /** The category as stored: the enum's name, OTHER when none was given; null when it is none of them. */
        ObjectionCategory categoryOrOther() {
            if (category == null || category.isBlank()) {
                return ObjectionCategory.OTHER;
            }
            try {
                return ObjectionCategory.valueOf(category.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException none) {
                return null;
            }
        }

        String cleanText() {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /**
     * Either an appointment ({@code appointmentAt} and {@code agenda}; {@code prospectAgreed} allows a
     * weekend or holiday the prospect asked for) or an end ({@code stage} WON, LOST or NURTURE).
     */
    public record NextStep(
            OffsetDateTime appointmentAt,
            @org.followthrough.common.PlainText.MultiLine String agenda,
            Boolean prospectAgreed,
            String stage,
            @org.followthrough.common.PlainText.MultiLine String reason,
            Boolean prospectSaidNo) {}
}
