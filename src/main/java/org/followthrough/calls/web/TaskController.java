package org.followthrough.calls.web;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.followthrough.calls.TaskChanges;
import org.followthrough.common.PlainText;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Passing over a call in the queue: skipping it with a reason, snoozing it until a chosen time. */
@RestController
class TaskController {

    record Skip(@PlainText.MultiLine String reason) {}

    record Snooze(OffsetDateTime until) {}

    private final TaskChanges changes;

    TaskController(TaskChanges changes) {
        this.changes = changes;
    }

    @PostMapping("/api/v1/tasks/{id}/skip")
    TaskChanges.Changed skip(Actor actor, @PathVariable UUID id, @RequestBody Skip skip) {
        return changes.skip(actor, id, skip.reason());
    }

    @PostMapping("/api/v1/tasks/{id}/snooze")
    TaskChanges.Changed snooze(Actor actor, @PathVariable UUID id, @RequestBody Snooze snooze) {
        return changes.snooze(actor, id, snooze.until());
    }
}
