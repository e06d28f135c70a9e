package org.followthrough.desk.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.PlainText;
import org.followthrough.touches.LogCall;

/**
 * The call screen's outcome form as posted: every value as text, so a value the browser should not
 * have sent (a tampered slot, a broken date) comes back as a message next to its field; lists are
 * one item per line. {@code taskId} is the task the page was showing; {@code dialedAt} when the rep
 * opened the number's link.
 */
record CallForm(
        CallOutcome outcome,
        String taskId,
        @PlainText.MultiLine String notes,
        @PlainText.MultiLine String pains,
        @PlainText.MultiLine String gains,
        @PlainText.MultiLine String promises,
        String slot,
        String appointmentAt,
        @PlainText.MultiLine String agenda,
        String stage,
        @PlainText.MultiLine String reason,
        Boolean prospectSaidNo,
        Boolean confirm,
        String objectionCategory,
        @PlainText.MultiLine String objectionText,
        String dialedAt) {

    static CallForm empty() {
        return new CallForm(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The call as the engine takes it (the same {@link LogCall} as the API); the zone reads a typed time. */
    LogCall toCall(ZoneId prospectZone) {
        if (outcome == null) {
            throw InvalidInput.of("outcome", "choose what happened on the call");
        }
        var next = outcome == CallOutcome.CONNECTED ? nextStep(prospectZone) : null;
        var objection = blank(objectionText) ? null : new LogCall.Objection(objectionCategory, objectionText);
        return new LogCall(
                outcome,
                dialed(),
                null,
                notes,
                lines(pains),
                lines(gains),
                lines(promises),
                objection,
                next,
                confirm,
                task());
    }

    /**
     * When the rep opened the number's link (set on the page from the server's clock), so the call is
     * logged at the minute it started; none when the number was dialled some other way.
     */
    OffsetDateTime dialed() {
        if (blank(dialedAt)) {
            return null;
        }
        try {
            return java.time.Instant.parse(dialedAt.strip()).atOffset(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("dialedAt", "is not the time the call started; reload the page and log the call");
        }
    }

    UUID task() {
        if (blank(taskId)) {
            return null;
        }
        try {
            return UUID.fromString(taskId.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("taskId", "is not a task of this page; reload the page and log the call again");
        }
    }

    private LogCall.NextStep nextStep(ZoneId prospectZone) {
        if (!blank(stage)) {
            return new LogCall.NextStep(null, null, null, stage, reason, Boolean.TRUE.equals(prospectSaidNo));
        }
        OffsetDateTime at = null;
        if (!blank(slot)) {
            at = parse("slot", () -> OffsetDateTime.parse(slot.strip()), "is not one of the proposed times; pick one");
        } else if (!blank(appointmentAt)) {
            at = parse(
                    "appointmentAt",
                    () -> LocalDateTime.parse(appointmentAt.strip())
                            .atZone(prospectZone)
                            .toOffsetDateTime(),
                    "must be a date and time such as 2026-08-19T10:00");
        }
        if (at == null) {
            throw InvalidInput.of(
                    "appointmentAt",
                    "a connected call needs a next step: pick a slot, give a time or choose an end stage");
        }
        return new LogCall.NextStep(at, agenda, null, null, null, null);
    }

    private static OffsetDateTime parse(
            String field, java.util.function.Supplier<OffsetDateTime> parser, String problem) {
        try {
            return parser.get();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, problem);
        }
    }

    private static List<String> lines(String text) {
        return blank(text)
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
