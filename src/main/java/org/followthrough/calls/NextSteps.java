package org.followthrough.calls;

import java.time.Instant;
import org.followthrough.appointments.Appointment;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.appointments.Appointments;
import org.followthrough.cadence.Cadence;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.touches.LogCall;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Does the next step a rep agreed on a call (R9). An appointment ends the running cadence, takes the
 * place of every open call but other appointments, becomes a call due at its exact time (R11), and
 * sends the thank-you and reminder emails with their invitation (R10). An end moves the prospect to
 * its stage, calls off what was planned, and starts what follows it: the post-sale check-ins after a
 * sale (R24), nurture after a no (R20).
 */
@Component
class NextSteps {

    private final Prospects prospects;
    private final Enrolments enrolments;
    private final Tasks tasks;
    private final Appointments appointments;
    private final AppointmentChanges changes;
    private final ApplicationEventPublisher events;

    NextSteps(
            Prospects prospects,
            Enrolments enrolments,
            Tasks tasks,
            Appointments appointments,
            AppointmentChanges changes,
            ApplicationEventPublisher events) {
        this.prospects = prospects;
        this.enrolments = enrolments;
        this.tasks = tasks;
        this.appointments = appointments;
        this.changes = changes;
        this.events = events;
    }

    /** Does the call's next step, if any; the appointment it booked, or null. */
    Appointment follow(LoggedCall call) {
        var next = call.next();
        if (next == null) {
            return null;
        }
        if (call.booksAppointment()) {
            return book(call.prospect(), next, call.now());
        }
        var stage = call.endStage().orElseThrow();
        if (call.afterSale() && stage == Stage.WON) {
            return null; // a customer's check-in that says WON again is no second sale
        }
        close(call.prospect(), stage, call.at(), call.now());
        return null;
    }

    private Appointment book(Prospect p, LogCall.NextStep next, Instant now) {
        var when = next.appointmentAt().toInstant();
        enrolments.end(p.id(), "appointment booked");
        tasks.cancelOpen(p.id(), now, true);
        var booking = Appointment.book(p.id(), p.ownerId(), when, next.agenda());
        var booked = booking.now();
        appointments.insert(booked, now);
        tasks.open(
                new Tasks.Opening(
                        p.id(),
                        p.ownerId(),
                        null,
                        null,
                        booked.id(),
                        TaskKind.APPOINTMENT,
                        when,
                        "Appointment" + (next.agenda() == null ? "" : ": " + next.agenda()),
                        "missed-appointment-m1"),
                now);
        events.publishEvent(booking.event());
        return booked;
    }

    private void close(Prospect p, Stage stage, Instant at, Instant now) {
        // a closed prospect has no call to keep: the prospect's calendar gets the cancellation
        changes.cancelAll(p, now);
        tasks.cancelOpen(p.id(), now, false);
        prospects.moveTo(p.id(), stage);
        follow(p, stage, at, now);
    }

    /**
     * A prospect moved to an end stage other than by a call (an imported file saying won or lost): what was
     * planned is called off and what follows the end starts, as after a logged outcome; the stage is theirs
     * already.
     */
    void closedElsewhere(Prospect p, Instant now) {
        changes.cancelAll(p, now);
        tasks.cancelOpen(p.id(), now, false);
        follow(p, p.stage(), now, now);
    }

    /** The cadence an end leads to: post-sale check-ins after a sale, nurture after a no, none after a loss. */
    static String cadenceAfter(Stage stage) {
        return switch (stage) {
            case WON -> Cadence.POST_SALE;
            case NURTURE -> Cadence.NURTURE;
            default -> null;
        };
    }

    private void follow(Prospect p, Stage stage, Instant at, Instant now) {
        switch (stage) {
            case WON -> enrolments.start(p.id(), Cadence.POST_SALE, at);
            case NURTURE -> enrolments.start(p.id(), Cadence.NURTURE, now);
            default -> enrolments.end(p.id(), "closed as " + stage);
        }
    }
}
