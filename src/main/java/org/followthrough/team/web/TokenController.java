package org.followthrough.team.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.followthrough.team.Actor;
import org.followthrough.team.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Personal API tokens: create (the secret is in this answer only), list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    record NewToken(String name, Instant expiresAt) {}

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ApiTokens.CreatedToken> create(Actor actor, @RequestBody NewToken request) {
        var created = tokens.create(actor, request.name(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(created);
    }

    @GetMapping
    List<ApiTokens.TokenView> list(Actor actor) {
        return tokens.of(actor);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
