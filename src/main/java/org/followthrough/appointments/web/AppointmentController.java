package org.followthrough.appointments.web;

import java.util.List;
import java.util.UUID;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reading, moving and cancelling appointments; booking one is the next step of a logged call. */
@RestController
class AppointmentController {

    private final AppointmentChanges appointments;

    AppointmentController(AppointmentChanges appointments) {
        this.appointments = appointments;
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
