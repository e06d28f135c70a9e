package org.followthrough.touches.web;

import java.net.URI;
import java.util.UUID;
import org.followthrough.team.Actor;
import org.followthrough.touches.Notes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Writing on a prospect's timeline: notes, and emails a rep sent from their own mailbox. */
@RestController
class NoteController {

    private final Notes notes;

    NoteController(Notes notes) {
        this.notes = notes;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/prospects/{id}/notes")
    ResponseEntity<Notes.Noted> note(Actor actor, @PathVariable UUID id, @RequestBody Notes.NewNote note) {
        return ResponseEntity.created(URI.create("/api/v1/prospects/" + id + "/timeline"))
                .body(notes.add(actor, id, note));
    }
}
