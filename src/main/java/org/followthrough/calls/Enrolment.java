package org.followthrough.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A prospect's place in one cadence.
 *
 * <p>Its life: an enrolment {@link #start starts} {@link Status#ACTIVE} — from the first step, or
 * where the prospect's last time in the same cadence stopped (R6). While active, each step that
 * happens is {@link #stepDone done} in order, and between an email and what follows it the enrolment
 * may {@link #waitFor wait} for the email's moment. It ends once — {@link #complete completed} when
 * every step is done, or {@link #end cut short} when the prospect is reached, an appointment booked or
 * another cadence started — and an ended enrolment never
 * moves again; the prospect's next cadence is a new enrolment. A prospect has at most one active.
 */
public record Enrolment(
        UUID id,
        UUID prospectId,
        String cadenceKey,
        Instant startedAt,
        int lastDoneN,
        Instant lastDoneAt,
        Integer waitingStep,
        Instant waitingUntil,
        Status status) {

    public enum Status {
        ACTIVE,
        ENDED
    }

    public Enrolment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cadenceKey, "cadenceKey");
        Objects.requireNonNull(status, "status");
    }

    /** Starts the cadence from {@code from}, with its first {@code done} steps already behind it. */
    static Enrolment start(UUID prospectId, String cadenceKey, Instant from, int done, Instant lastDoneAt) {
        return new Enrolment(
                UUID.randomUUID(),
                prospectId,
                cadenceKey,
                from,
                done,
                done == 0 ? null : lastDoneAt,
                null,
                null,
                Status.ACTIVE);
    }

    /** Step {@code n} happened at {@code at}; what it waited for, if anything, is over. */
    Enrolment stepDone(int n, Instant at) {
        mustBeActive("move on");
        if (n <= lastDoneN) {
            throw new IllegalStateException("step " + n + " of " + id + " comes after step " + lastDoneN + " only");
        }
        return new Enrolment(id, prospectId, cadenceKey, startedAt, n, at, null, null, Status.ACTIVE);
    }

    /** Waits for step {@code n}, an email due at {@code until}, before it goes on. */
    Enrolment waitFor(int n, Instant until) {
        mustBeActive("wait");
        return new Enrolment(id, prospectId, cadenceKey, startedAt, lastDoneN, lastDoneAt, n, until, Status.ACTIVE);
    }

    /** Cut short, for the reason given: nothing it planned is to happen any more. */
    Transition<Enrolment, EnrolmentEnded> end(String reason, Instant at) {
        return ended(reason, at, false);
    }

    /** Every step is done: it ends as planned, and what its last steps sent still goes. */
    Transition<Enrolment, EnrolmentEnded> complete(Instant at) {
        return ended(COMPLETED, at, true);
    }

    static final String COMPLETED = "all steps done";

    private Transition<Enrolment, EnrolmentEnded> ended(String reason, Instant at, boolean completed) {
        mustBeActive("end");
        var ended =
                new Enrolment(id, prospectId, cadenceKey, startedAt, lastDoneN, lastDoneAt, null, null, Status.ENDED);
        return new Transition<>(
                ended, new EnrolmentEnded(id, prospectId, cadenceKey, lastDoneN, reason, at, completed));
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** When the last step happened, or the start while none has. */
    Instant lastMoment() {
        return lastDoneAt == null ? startedAt : lastDoneAt;
    }

    private void mustBeActive(String what) {
        if (!isActive()) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "Cadence ended",
                    "This prospect's " + cadenceKey + " cadence has ended and cannot " + what
                            + "; start a cadence for them instead.");
        }
    }
}
