package org.followthrough.prospects.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.ProspectSearch;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Prospects by API: create, read, list and search, change, erase. */
@RestController
@RequestMapping("/api/v1/prospects")
class ProspectController {

    record ProspectPage(List<ProspectView> items, int page, int size, long total) {}

    private final Prospects prospects;
    private final ProspectSearch search;
    private final Team team;

    ProspectController(Prospects prospects, ProspectSearch search, Team team) {
        this.prospects = prospects;
        this.search = search;
        this.team = team;
    }

    /** {@code ?ifExists=update} updates a prospect with the same email instead of answering 409. */
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(
            responseCode = "200",
            description = "With ?ifExists=update, a prospect with the same email was updated instead",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProspectView.class)))
    @PostMapping
    ResponseEntity<ProspectView> create(
            Actor actor,
            @RequestBody ProspectFields request,
            @RequestParam(name = "ifExists", defaultValue = "refuse") String ifExists) {
        if (!ifExists.equals("refuse") && !ifExists.equals("update")) {
            throw InvalidInput.of("ifExists", "must be 'refuse' (the default) or 'update', not '" + ifExists + "'");
        }
        var saved = prospects.create(actor, request, ifExists.equals("update"), "API");
        var view = view(saved.prospect(), new HashMap<>());
        var location = URI.create("/api/v1/prospects/" + saved.prospect().id());
        return saved.created()
                ? ResponseEntity.created(location).body(view)
                : ResponseEntity.ok().location(location).body(view);
    }

    @GetMapping("/{id}")
    ProspectView one(Actor actor, @PathVariable UUID id) {
        return view(prospects.get(actor, id), new HashMap<>());
    }

    @GetMapping
    ProspectPage list(
            Actor actor,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var found = search.list(actor, new ProspectSearch.Filter(stage, owner, q, page, size));
        var owners = new HashMap<UUID, String>();
        return new ProspectPage(
                found.items().stream().map(p -> view(p, owners)).toList(), found.page(), found.size(), found.total());
    }

    @PatchMapping("/{id}")
    ProspectView change(Actor actor, @PathVariable UUID id, @RequestBody Map<String, Object> changes) {
        return view(prospects.change(actor, id, changes), new HashMap<>());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(Actor actor, @PathVariable UUID id) {
        prospects.erase(actor, id);
    }

    private ProspectView view(org.followthrough.prospects.Prospect p, Map<UUID, String> owners) {
        var owner = owners.computeIfAbsent(
                p.ownerId(), id -> team.member(id).map(Member::email).orElse(null));
        return ProspectView.of(p, owner);
    }
}
