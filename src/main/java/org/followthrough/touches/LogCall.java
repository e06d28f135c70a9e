package org.followthrough.touches;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.common.InvalidInput;
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

    static final int MAX_NOTES = 4000;

    /**
     * When the call happened, once what was sent is checked: every field that cannot be taken is named.
     * The call may be logged late (an earlier {@code at}), never ahead of {@code now}.
     */
    public Instant happenedAt(Instant now) {
        var problems = new InvalidInput.Collector();
        if (outcome == null) {
            problems.add(
                    "outcome", "is required: CONNECTED, VOICEMAIL, GATEKEEPER, NO_ANSWER, WRONG_NUMBER or BAD_TIMING");
        }
        var happened = at == null ? now : at.toInstant();
        if (happened.isAfter(now.plusSeconds(60))) {
            problems.add("at", "is in the future; log a call once it happened (leave it out for now)");
        }
        if (durationSeconds != null && (durationSeconds < 0 || durationSeconds > 86_400)) {
            problems.add("durationSeconds", "must be between 0 and 86400");
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            problems.add("notes", "must be at most " + MAX_NOTES + " characters");
        }
        if (objection != null && !objection.isEmpty()) {
            if (objection.categoryOrOther() == null) {
                problems.add(
                        "objection.category",
                        "must be BUDGET, AUTHORITY, NEED, TIMING or OTHER (or left out for OTHER), not '"
                                + objection.category() + "'");
            }
            var text = objection.cleanText();
            if (text != null && text.length() > Objection.MAX_TEXT) {
                problems.add(
                        "objection.text",
                        "must be at most " + Objection.MAX_TEXT + " characters; this one has " + text.length()
                                + ". Note the objection in a sentence or two; the rest belongs in notes");
            }
        }
        problems.throwIfAny();
        return happened;
    }

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
