package org.followthrough.calls;

import java.time.Clock;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.cadence.Cadence;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectChanged;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A prospect flagged do-not-call is never called (R2), yet still has a planned next step (R23): their
 * open calls leave the queue, a booked appointment is called off with the calendar's CANCEL, and the
 * calling cadence gives way to nurture, by email only; a customer's post-sale check-ins go on as
 * emails. When the flag is cleared, someone not yet reached goes back to the first-time calls.
 */
@Component
class DoNotCall {

    private final Prospects prospects;
    private final Enrolments enrolments;
    private final Tasks tasks;
    private final AppointmentChanges appointments;
    private final Clock clock;

    DoNotCall(Prospects prospects, Enrolments enrolments, Tasks tasks, AppointmentChanges appointments, Clock clock) {
        this.prospects = prospects;
        this.enrolments = enrolments;
        this.tasks = tasks;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** Many at once (a bulk action's page): each prospect as if their change came alone. */
    @ApplicationModuleListener
    void on(org.followthrough.prospects.ProspectsChanged changed) {
        changed.changes().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(ProspectChanged changed) {
        if (changed.changed("doNotCall")) {
            prospects.byId(changed.prospectId()).ifPresent(p -> {
                if (p.doNotCall()) {
                    forbidden(p);
                } else {
                    allowed(p);
                }
            });
        }
    }

    private void forbidden(Prospect p) {
        var now = clock.instant();
        appointments.cancelAll(p, now);
        var open = tasks.openFor(p.id());
        tasks.cancelOpen(p.id(), now, false);
        var running = enrolments.active(p.id());
        if (running.isPresent() && running.get().cadenceKey().equals(Cadence.POST_SALE)) {
            open.stream()
                    .filter(t -> running.get().id().equals(t.enrolmentId()))
                    .forEach(t -> enrolments.stepDone(t.enrolmentId(), t.stepN(), now));
        } else if (running.isEmpty() || !running.get().cadenceKey().equals(Cadence.NURTURE)) {
            if (p.stage().isOpen() || p.stage() == Stage.NURTURE) {
                enrolments.start(p.id(), Cadence.NURTURE, now);
            } else {
                enrolments.end(p.id(), "do not call");
            }
        }
    }

    private void allowed(Prospect p) {
        if (p.stage() == Stage.NEW || p.stage() == Stage.ATTEMPTING) {
            enrolments.start(p.id(), Cadence.FIRST_TIME_CALLS, clock.instant());
        }
    }
}
