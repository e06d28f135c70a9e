package org.followthrough.calls.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.followthrough.calls.CallLog;
import org.followthrough.calls.Leads;
import org.followthrough.calls.Queue;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.followthrough.touches.LogCall;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Logging calls, the queue and prospects without a next step. */
@RestController
class CallController {

    private final CallLog calls;
    private final Queue queue;
    private final Leads leads;
    private final Team team;

    CallController(CallLog calls, Queue queue, Leads leads, Team team) {
        this.calls = calls;
        this.queue = queue;
        this.leads = leads;
        this.team = team;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/prospects/{id}/calls")
    ResponseEntity<CallLog.Logged> log(Actor actor, @PathVariable UUID id, @RequestBody LogCall call) {
        var logged = calls.log(actor, id, call);
        return ResponseEntity.created(URI.create("/api/v1/prospects/" + id + "/timeline"))
                .body(logged);
    }

    /** The caller's queue; a manager may look at a rep's with {@code ?owner=<email>}. */
    @GetMapping("/api/v1/queue")
    List<Queue.Item> queue(
            Actor actor, @RequestParam(required = false) String owner, @RequestParam(defaultValue = "100") int limit) {
        var whose = actor.id();
        if (owner != null && actor.seesWholeTeam()) {
            whose = team.memberByEmail(owner.trim().toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> InvalidInput.of("owner", "'" + owner + "' is not a member's email"))
                    .id();
        }
        return queue.of(whose, Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/api/v1/prospects/without-next-step")
    List<Leads.Stranded> withoutNextStep(Actor actor) {
        return leads.withoutNextStep(actor, 500);
    }
}
