package org.followthrough.calls.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.followthrough.calls.Notes;
import org.followthrough.calls.TaskChanges;
import org.followthrough.common.PlainText;
import org.followthrough.team.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Passing over a call in the queue (skip, snooze) and writing on a prospect's timeline (notes, manual emails). */
@RestController
class TaskController {

    record Skip(@PlainText.MultiLine String reason) {}

    record Snooze(OffsetDateTime until) {}

    private final TaskChanges changes;
    private final Notes notes;

    TaskController(TaskChanges changes, Notes notes) {
        this.changes = changes;
        this.notes = notes;
    }

    @PostMapping("/api/v1/tasks/{id}/skip")
    TaskChanges.Changed skip(Actor actor, @PathVariable UUID id, @RequestBody Skip skip) {
        return changes.skip(actor, id, skip.reason());
    }

    @PostMapping("/api/v1/tasks/{id}/snooze")
    TaskChanges.Changed snooze(Actor actor, @PathVariable UUID id, @RequestBody Snooze snooze) {
        return changes.snooze(actor, id, snooze.until());
    }

    @PostMapping("/api/v1/prospects/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Notes.Noted> note(Actor actor, @PathVariable UUID id, @RequestBody Notes.NewNote note) {
        return ResponseEntity.created(URI.create("/api/v1/prospects/" + id + "/timeline"))
                .body(notes.add(actor, id, note));
    }
}
