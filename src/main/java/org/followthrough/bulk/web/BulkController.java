package org.followthrough.bulk.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.followthrough.bulk.BulkActions;
import org.followthrough.bulk.BulkRequest;
import org.followthrough.team.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk actions on a search of the prospects: preview, start (in the background), progress, the record. */
@RestController
class BulkController {

    private final BulkActions bulk;

    BulkController(BulkActions bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v1/prospects/bulk/preview")
    BulkActions.Preview preview(Actor actor, @RequestBody BulkRequest request) {
        return bulk.preview(actor, request);
    }

    @PostMapping("/api/v1/prospects/bulk")
    ResponseEntity<BulkActions.Recorded> start(Actor actor, @RequestBody BulkRequest request) {
        var started = bulk.start(actor, request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/bulk-actions/" + started.id()))
                .body(started);
    }

    @GetMapping("/api/v1/bulk-actions/{id}")
    BulkActions.Recorded one(Actor actor, @PathVariable UUID id) {
        return bulk.find(actor, id);
    }

    @GetMapping("/api/v1/bulk-actions")
    List<BulkActions.Recorded> latest(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return bulk.latest(actor, Math.max(1, Math.min(limit, 200)));
    }
}
