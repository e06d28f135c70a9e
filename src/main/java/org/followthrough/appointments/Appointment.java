package org.followthrough.appointments;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.common.Transition;
import org.springframework.http.HttpStatus;

/**
 * A call agreed with a prospect for a specific date and time, with an agenda (R9).
 *
 * <p>Its life: it is {@link #book booked} when a connected call ends with it as the next step. While
 * booked it may be {@link #move moved} to a new time or {@link #cancel cancelled}; each sends the
 * prospect's calendar a new version (its {@code sequence} goes up). When its call is logged it is
 * {@link #hold held} if the call connected, or {@link #miss missed} if not, which starts the
 * missed-appointment protocol (R12). Held, missed and cancelled are final: nothing moves them again.
 * Every move returns the event that announces it.
 */
public record Appointment(
        UUID id, UUID prospectId, UUID ownerId, Instant at, String agenda, Status status, int sequence) {

    public enum Status {
        BOOKED,
        HELD,
        MISSED,
        CANCELLED
    }

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
    }

    /** A new appointment, booked: the first version of its calendar invitation. */
    public static Transition<Appointment, AppointmentBooked> book(
            UUID prospectId, UUID ownerId, Instant at, String agenda) {
        var booked = new Appointment(UUID.randomUUID(), prospectId, ownerId, at, agenda, Status.BOOKED, 0);
        return new Transition<>(booked, new AppointmentBooked(booked.id, prospectId, ownerId, at));
    }

    /** A new time, and a new agenda if one is given: the next version of the invitation. */
    Transition<Appointment, AppointmentMoved> move(Instant to, String newAgenda) {
        mustBeBooked("moved");
        var moved = new Appointment(
                id, prospectId, ownerId, to, newAgenda == null ? agenda : newAgenda, Status.BOOKED, sequence + 1);
        return new Transition<>(moved, new AppointmentMoved(id, prospectId, ownerId, at, to, moved.sequence));
    }

    /** Called off: the prospect's calendar gets the cancellation as the next version. */
    Transition<Appointment, AppointmentCancelled> cancel() {
        mustBeBooked("cancelled");
        return new Transition<>(
                with(Status.CANCELLED, sequence + 1), new AppointmentCancelled(id, prospectId, ownerId, at));
    }

    /** Its call, made at {@code calledAt}, reached the prospect. */
    public Transition<Appointment, AppointmentHeld> hold(Instant calledAt) {
        mustBeBooked("held");
        return new Transition<>(
                with(Status.HELD, sequence), new AppointmentHeld(id, prospectId, ownerId, at, calledAt));
    }

    /** Its call did not reach the prospect: the missed-appointment protocol takes over (R12). */
    public Transition<Appointment, AppointmentMissed> miss() {
        mustBeBooked("missed");
        return new Transition<>(with(Status.MISSED, sequence), new AppointmentMissed(id, prospectId, ownerId, at));
    }

    public boolean isBooked() {
        return status == Status.BOOKED;
    }

    private Appointment with(Status next, int nextSequence) {
        return new Appointment(id, prospectId, ownerId, at, agenda, next, nextSequence);
    }

    private void mustBeBooked(String what) {
        if (status != Status.BOOKED) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Appointment not open",
                            "This appointment is " + status + "; only a booked appointment can be " + what + "."
                                    + " Log a call with a new appointment as its next step instead.")
                    .with("status", status.name());
        }
    }
}
