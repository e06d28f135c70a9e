package org.followthrough.webhooks.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.followthrough.team.Actor;
import org.followthrough.webhooks.Delivery;
import org.followthrough.webhooks.Subscriber;
import org.followthrough.webhooks.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks out, for administrators: subscribers, their deliveries with every attempt, replay. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/admin/webhooks")
    ResponseEntity<Subscriber> subscribe(Actor actor, @RequestBody Webhooks.Subscription subscription) {
        var created = webhooks.subscribe(actor, subscription);
        return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/admin/webhooks")
    List<Subscriber> subscribers() {
        return webhooks.subscribers();
    }

    @DeleteMapping("/api/v1/admin/webhooks/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable UUID id) {
        webhooks.unsubscribe(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/admin/webhooks/deliveries")
    List<Delivery> deliveries(
            @RequestParam(required = false) UUID subscriber,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        return webhooks.deliveries(subscriber, status, limit);
    }

    @GetMapping("/api/v1/admin/webhooks/deliveries/{id}")
    Delivery delivery(@PathVariable UUID id) {
        return webhooks.delivery(id);
    }

    @PostMapping("/api/v1/admin/webhooks/deliveries/{id}/replay")
    ResponseEntity<Delivery> replay(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.replay(id));
    }
}
