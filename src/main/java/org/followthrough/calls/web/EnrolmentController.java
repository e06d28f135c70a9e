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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A prospect's cadence by hand: read it, enrol them in one or move them, take them out, pause it with
 * a reason (and a day to resume), resume it. The optional {@code cadence} parameter names which one
 * when the prospect is in several (cadences that run alongside the main one); without it the main
 * one, or the only one, is meant.
 */
@RestController
class EnrolmentController {

    private final CadenceControl control;

    EnrolmentController(CadenceControl control) {
        this.control = control;
    }

    /** The running (active or paused) cadence; 404 when the prospect is in none. */
    @GetMapping("/api/v1/prospects/{id}/enrolment")
    CadenceControl.EnrolmentView read(
            Actor actor, @PathVariable UUID id, @RequestParam(name = "cadence", required = false) String cadence) {
        return control.of(actor, id, cadence).orElseThrow(() -> Refusal.notFound("running cadence of prospect", id));
    }

    /** Every running cadence of the prospect, the main one first; empty when they are in none. */
    @GetMapping("/api/v1/prospects/{id}/enrolments")
    java.util.List<CadenceControl.EnrolmentView> all(Actor actor, @PathVariable UUID id) {
        return control.all(actor, id);
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
    ResponseEntity<Void> unenrol(
            Actor actor, @PathVariable UUID id, @RequestParam(name = "cadence", required = false) String cadence) {
        control.unenrol(actor, id, cadence);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/prospects/{id}/enrolment/pause")
    CadenceControl.EnrolmentView pause(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(name = "cadence", required = false) String cadence,
            @RequestBody CadenceControl.PauseRequest request) {
        return control.pause(actor, id, cadence, request);
    }

    @PostMapping("/api/v1/prospects/{id}/enrolment/resume")
    CadenceControl.EnrolmentView resume(
            Actor actor, @PathVariable UUID id, @RequestParam(name = "cadence", required = false) String cadence) {
        return control.resume(actor, id, cadence);
    }
}
