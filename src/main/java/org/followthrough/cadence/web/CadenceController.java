package org.followthrough.cadence.web;

import java.net.URI;
import java.util.List;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.team.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cadences as data, and the preview that shows exactly what the engine would do. */
@RestController
@RequestMapping("/api/v1/cadences")
class CadenceController {

    private final Cadences cadences;
    private final CadencePreviews previews;

    CadenceController(Cadences cadences, CadencePreviews previews) {
        this.cadences = cadences;
        this.previews = previews;
    }

    @GetMapping
    List<Cadence> all() {
        return cadences.all();
    }

    @GetMapping("/{key}")
    Cadence one(@PathVariable String key) {
        return cadences.get(key);
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    Cadence put(Actor actor, @PathVariable String key, @RequestBody Cadences.Definition definition) {
        return cadences.put(actor, key, definition);
    }

    /** What a copy is called: a new key, and a name ("Copy of ..." when left out). */
    record CopyRequest(String key, String name) {}

    /** A copy of the cadence under a new key, to change without touching the original. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{key}/clone")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    ResponseEntity<Cadence> copy(Actor actor, @PathVariable String key, @RequestBody CopyRequest request) {
        var copy = cadences.copy(
                actor, key, request == null ? null : request.key(), request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/cadences/" + copy.key()))
                .body(copy);
    }

    /** Calls whose outcome is not given are taken as NO_ANSWER; the same planner as live scheduling. */
    @PostMapping("/preview")
    CadencePreviews.Preview preview(@RequestBody CadencePreviews.PreviewRequest request) {
        return previews.preview(request);
    }
}
