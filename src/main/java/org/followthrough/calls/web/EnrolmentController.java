package org.followthrough.calls.web;

import java.net.URI;
import java.util.UUID;
import org.followthrough.calls.CadenceControl;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A prospect's cadence by hand: read it, enrol them in one or move them, take them out, pause it with a reason (and a day to resume), resume it. */
@RestController
class EnrolmentController {

    private final CadenceControl control;

    EnrolmentController(CadenceControl control) {
        this.control = control;
    }

    /** The running (active or paused) cadence; 404 when the prospect is in none. */
    @GetMapping("/api/v1/prospects/{id}/enrolment")
    CadenceControl.EnrolmentView read(Actor actor, @PathVariable UUID id) {
        return control.of(actor, id).orElseThrow(() -> Refusal.notFound("running cadence of prospect", id));
    }

    /** Puts the prospect in a cadence by hand ({@code replace: true} moves them from the one they are in). */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/prospects/{id}/enrolment")
    ResponseEntity<CadenceControl.EnrolmentView> enrol(
            Actor actor, @PathVariable UUID id, @RequestBody CadenceControl.EnrolRequest request) {
        var enrolled = control.enrol(actor, id, request);
        return ResponseEntity.created(URI.create("/api/v1/prospects/" + id + "/enrolment"))
                .body(enrolled);
    }

    /** Takes the prospect out of their running cadence. */
    @DeleteMapping("/api/v1/prospects/{id}/enrolment")
    ResponseEntity<Void> unenrol(Actor actor, @PathVariable UUID id) {
        control.unenrol(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/prospects/{id}/enrolment/pause")
    CadenceControl.EnrolmentView pause(
            Actor actor, @PathVariable UUID id, @RequestBody CadenceControl.PauseRequest request) {
        return control.pause(actor, id, request);
    }

    @PostMapping("/api/v1/prospects/{id}/enrolment/resume")
    CadenceControl.EnrolmentView resume(Actor actor, @PathVariable UUID id) {
        return control.resume(actor, id);
    }
}
