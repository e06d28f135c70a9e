package org.followthrough.appointments.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.common.InvalidInput;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The times to propose for an appointment; reading, moving and cancelling appointments. Booking one is
 * the next step of a logged call.
 */
@RestController
class AppointmentController {

    record SlotView(
            OffsetDateTime at, LocalDateTime localTime, String timeZone, OffsetDateTime atYourTime, String reason) {}

    private final AppointmentChanges appointments;
    private final Prospects prospects;

    AppointmentController(AppointmentChanges appointments, Prospects prospects) {
        this.appointments = appointments;
        this.prospects = prospects;
    }

    /** Appointment times to propose, best first, in the prospect's and the caller's time. */
    @GetMapping("/api/v1/prospects/{id}/slots")
    List<SlotView> slots(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "5") int count) {
        if (count < 1 || count > 20) {
            throw InvalidInput.of("count", "must be between 1 and 20");
        }
        var p = prospects.get(actor, id);
        return appointments.slots(actor, id, count).stream()
                .map(s -> new SlotView(
                        s.at().atZone(p.timeZone()).toOffsetDateTime(),
                        s.localTime(),
                        p.timeZone().getId(),
                        s.at().atZone(actor.timeZone()).toOffsetDateTime(),
                        s.reason()))
                .toList();
    }

    @GetMapping("/api/v1/prospects/{id}/appointments")
    List<AppointmentChanges.View> ofProspect(Actor actor, @PathVariable UUID id) {
        return appointments.of(actor, id);
    }

    @GetMapping("/api/v1/appointments/{id}")
    AppointmentChanges.View get(Actor actor, @PathVariable UUID id) {
        return appointments.get(actor, id);
    }

    /** A new time {@code {at, agenda?, prospectAgreed?}}, checked like a booking. */
    @PatchMapping("/api/v1/appointments/{id}")
    AppointmentChanges.View move(Actor actor, @PathVariable UUID id, @RequestBody AppointmentChanges.Move move) {
        return appointments.move(actor, id, move);
    }

    @DeleteMapping("/api/v1/appointments/{id}")
    AppointmentChanges.View cancel(Actor actor, @PathVariable UUID id) {
        return appointments.cancel(actor, id);
    }

    /** The same as DELETE, for clients that cannot send one. */
    @PostMapping("/api/v1/appointments/{id}/cancel")
    AppointmentChanges.View cancelByPost(Actor actor, @PathVariable UUID id) {
        return appointments.cancel(actor, id);
    }
}
