package org.followthrough.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.followthrough.common.Nullable;
import org.followthrough.common.Refusal;
import org.followthrough.common.Transition;
import org.springframework.http.HttpStatus;

/**
 * A prospect's place in one cadence.
 *
 * <p>Its life: an enrolment {@link #start starts} {@link Status#ACTIVE} — from the first step, or
 * where the prospect's last time in the same cadence stopped (R6). While active, each step that
 * happens is {@link #stepDone done} in order, and between an email and what follows it the enrolment
 * may {@link #waitFor wait} for the email's moment. An active enrolment may be {@link #pause paused}
 * ("back from parental leave in March"), with a reason and perhaps the moment it resumes by itself:
 * nothing of it happens while {@link Status#PAUSED}. It ends once — {@link #complete completed} when
 * every step is done, {@link #end cut short} when the prospect is reached, an appointment booked or
 * another cadence started, or {@link #resume resumed}, when a new enrolment goes on from the step the
 * paused one stopped at (so what the pause withdrew stays withdrawn in the record, and is planned
 * afresh) — and an ended enrolment never moves again; the prospect's next cadence is a new
 * enrolment. A prospect has at most one running (active or paused) that is not {@code alongside},
 * and at most one running in each cadence that runs alongside the others.
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
        Status status,
        Pause pause,
        boolean alongside) {

    public enum Status {
        ACTIVE,
        PAUSED,
        ENDED
    }

    /** Why and since when the enrolment is paused, and when it resumes by itself (null: when someone resumes it). */
    public record Pause(String reason, Instant at, @Nullable Instant until) {
        public Pause {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    static final String RESUMED = "resumed";

    public Enrolment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cadenceKey, "cadenceKey");
        Objects.requireNonNull(status, "status");
    }

    /** Starts the cadence from {@code from}, with its first {@code done} steps already behind it. */
    static Enrolment start(
            UUID prospectId, String cadenceKey, boolean alongside, Instant from, int done, Instant lastDoneAt) {
        return new Enrolment(
                UUID.randomUUID(),
                prospectId,
                cadenceKey,
                from,
                done,
                done == 0 ? null : lastDoneAt,
                null,
                null,
                Status.ACTIVE,
                null,
                alongside);
    }

    /** Step {@code n} happened at {@code at}; what it waited for, if anything, is over. */
    Enrolment stepDone(int n, Instant at) {
        mustBeActive("move on");
        if (n <= lastDoneN) {
            throw new IllegalStateException("step " + n + " of " + id + " comes after step " + lastDoneN + " only");
        }
        return with(n, at, null, null, Status.ACTIVE, null);
    }

    /** Waits for step {@code n}, an email due at {@code until}, before it goes on. */
    Enrolment waitFor(int n, Instant until) {
        mustBeActive("wait");
        return with(lastDoneN, lastDoneAt, n, until, Status.ACTIVE, null);
    }

    /**
     * Paused at {@code at} for {@code reason}, until {@code until} if given: nothing it planned is to
     * happen while paused. A step counted done ahead of its moment (an email due after {@code at},
     * now withdrawn) counts as not done, so resuming plans it again.
     */
    Transition<Enrolment, EnrolmentPaused> pause(String reason, Instant until, Instant at) {
        if (status == Status.PAUSED) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "Cadence already paused",
                    "This prospect's " + cadenceKey + " cadence is paused already (" + pause.reason()
                            + "); resume it first.");
        }
        mustBeActive("be paused");
        if (until != null && !until.isAfter(at)) {
            throw new IllegalArgumentException("a pause ends after it starts");
        }
        boolean ahead = lastDoneN > 0 && lastDoneAt != null && lastDoneAt.isAfter(at);
        var paused = with(
                ahead ? lastDoneN - 1 : lastDoneN,
                ahead ? at : lastDoneAt,
                null,
                null,
                Status.PAUSED,
                new Pause(reason, at, until));
        return new Transition<>(
                paused, new EnrolmentPaused(id, prospectId, cadenceKey, paused.lastDoneN(), reason, at, until));
    }

    /**
     * Resumed at {@code at}: this enrolment ends, and the prospect goes on in the same cadence from the
     * step after {@link #lastDoneN} — the next variant (R6) — in a new enrolment the caller starts.
     */
    Transition<Enrolment, EnrolmentResumed> resume(Instant at) {
        if (status != Status.PAUSED) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "Cadence not paused",
                    "This prospect's " + cadenceKey + " cadence is not paused; there is nothing to resume.");
        }
        return new Transition<>(asEnded(), new EnrolmentResumed(id, prospectId, cadenceKey, lastDoneN, at));
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

    /** This enrolment ended: nothing waits any more, what it did and its pause are kept. */
    private Enrolment asEnded() {
        return with(lastDoneN, lastDoneAt, null, null, Status.ENDED, pause);
    }

    /** The same enrolment in the same cadence, moved on: what it did and waits for, its state and its pause. */
    private Enrolment with(int done, Instant doneAt, Integer waiting, Instant until, Status next, Pause paused) {
        return new Enrolment(
                id, prospectId, cadenceKey, startedAt, done, doneAt, waiting, until, next, paused, alongside);
    }

    private Transition<Enrolment, EnrolmentEnded> ended(String reason, Instant at, boolean completed) {
        if (status != Status.PAUSED || completed) {
            mustBeActive("end");
        }
        var ended = asEnded();
        return new Transition<>(
                ended, new EnrolmentEnded(id, prospectId, cadenceKey, lastDoneN, reason, at, completed));
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean isPaused() {
        return status == Status.PAUSED;
    }

    /** Active or paused: not ended. */
    public boolean isRunning() {
        return status != Status.ENDED;
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
