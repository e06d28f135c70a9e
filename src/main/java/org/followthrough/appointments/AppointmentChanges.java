package org.followthrough.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving or calling off a booked appointment. A new time follows the rules of booking (not in the
 * past, inside the legal window, a business day unless the prospect asked, no clash with the rep's
 * other appointments); the call task moves with it, the reminder is planned again, and the prospect
 * gets the calendar update under the same UID with a higher SEQUENCE. Cancelling drops the waiting
 * reminder and the call task and sends the calendar's CANCEL.
 */
@Service
public class AppointmentChanges {

    /** An appointment as the API shows it, in the prospect's time zone. */
    public record View(
            UUID id,
            UUID prospectId,
            OffsetDateTime at,
            String timeZone,
            String agenda,
            Appointment.Status status,
            int sequence) {}

    /** A new time, and optionally a new agenda; {@code prospectAgreed} allows a weekend or holiday. */
    public record Move(
            OffsetDateTime at, @org.followthrough.common.PlainText.MultiLine String agenda, Boolean prospectAgreed) {}

    private final Appointments appointments;
    private final AppointmentRules rules;
    private final Prospects prospects;
    private final AppointmentCalls tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppointmentChanges(
            Appointments appointments,
            AppointmentRules rules,
            Prospects prospects,
            AppointmentCalls tasks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.appointments = appointments;
        this.rules = rules;
        this.prospects = prospects;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    public View get(Actor actor, UUID id) {
        var a = visible(actor, id);
        return view(a, prospects.get(actor, a.prospectId()));
    }

    /** An appointment, for other modules acting on the team's behalf; no member's view applies. */
    public Optional<Appointment> appointment(UUID id) {
        return appointments.find(id);
    }

    /** Appointment times to propose to the prospect, best first, free in the owner's calendar (R9). */
    public java.util.List<org.followthrough.calendar.Slots.Slot> slots(Actor actor, UUID prospectId, int count) {
        return rules.propose(prospects.get(actor, prospectId), clock.instant(), count);
    }

    /** The prospect's appointments, latest first. */
    public java.util.List<View> of(Actor actor, UUID prospectId) {
        var p = prospects.get(actor, prospectId);
        return appointments.of(prospectId).stream().map(a -> view(a, p)).toList();
    }

    @Transactional
    public View move(Actor actor, UUID id, Move move) {
        var a = visible(actor, id);
        var p = prospects.get(actor, a.prospectId());
        if (move == null || move.at() == null) {
            throw InvalidInput.of(
                    "at", "is required: the new date and time with its offset, e.g. 2026-08-20T16:00:00-04:00");
        }
        if (move.agenda() != null && move.agenda().length() > 2000) {
            throw InvalidInput.of("agenda", "must be at most 2000 characters");
        }
        var now = clock.instant();
        var at = move.at().toInstant();
        var moving = a.move(at, blankToNull(move.agenda()));
        rules.check(p, at, Boolean.TRUE.equals(move.prospectAgreed()), now, a.id());
        var moved = appointments.update(a, moving.now());
        tasks.moveAppointmentCall(a.id(), at, "Appointment" + (moved.agenda() == null ? "" : ": " + moved.agenda()));
        events.publishEvent(moving.event());
        return view(moved, p);
    }

    @Transactional
    public View cancel(Actor actor, UUID id) {
        var a = visible(actor, id);
        var p = prospects.get(actor, a.prospectId());
        return view(cancel(a, p, clock.instant()), p);
    }

    /**
     * Calls off every appointment still booked with the prospect, as the engine does when they are
     * closed (WON, LOST, NURTURE) or may no longer be called: each with its calendar CANCEL.
     */
    @Transactional
    public void cancelAll(Prospect p, Instant now) {
        for (var a : appointments.bookedFor(p.id())) {
            cancel(a, p, now);
        }
    }

    private Appointment cancel(Appointment a, Prospect p, Instant now) {
        var cancel = a.cancel();
        var cancelled = appointments.update(a, cancel.now());
        tasks.cancelAppointmentCall(a.id(), now);
        events.publishEvent(cancel.event());
        return cancelled;
    }

    /** Someone else's prospect's appointment answers 404, like the prospect itself. */
    private Appointment visible(Actor actor, UUID id) {
        var a = appointments.find(id).orElseThrow(() -> Refusal.notFound("appointment", id));
        prospects.get(actor, a.prospectId());
        return a;
    }

    private static View view(Appointment a, Prospect p) {
        return new View(
                a.id(),
                a.prospectId(),
                a.at().atZone(p.timeZone()).toOffsetDateTime(),
                p.timeZone().getId(),
                a.agenda(),
                a.status(),
                a.sequence());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
