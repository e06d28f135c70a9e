package org.followthrough.team.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.followthrough.common.Nullable;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The team's members: admins add them; everyone can see who they are. */
@RestController
@RequestMapping("/api/v1/users")
class MemberController {

    record MemberView(
            String id,
            String email,
            String fullName,
            Role role,
            @Nullable String phone,
            String timeZone,
            boolean active) {
        static MemberView of(Member m) {
            return new MemberView(
                    m.id().toString(),
                    m.email(),
                    m.fullName(),
                    m.role(),
                    m.phone(),
                    m.timeZone().getId(),
                    m.active());
        }
    }

    private final Team team;

    private final org.followthrough.team.MemberChanges changes;

    MemberController(Team team, org.followthrough.team.MemberChanges changes) {
        this.team = team;
        this.changes = changes;
    }

    /** Whether the caller hears of new inquiries and trigger events by email too. */
    record EmailAlerts(Boolean enabled) {}

    @GetMapping("/me/email-alerts")
    EmailAlerts emailAlerts(Actor actor) {
        return new EmailAlerts(team.wantsEmailAlerts(actor.id()));
    }

    @org.springframework.web.bind.annotation.PutMapping("/me/email-alerts")
    EmailAlerts changeEmailAlerts(Actor actor, @RequestBody EmailAlerts wanted) {
        if (wanted.enabled() == null) {
            throw org.followthrough.common.InvalidInput.of("enabled", "is required: true or false");
        }
        changes.changeEmailAlerts(actor, wanted.enabled());
        return new EmailAlerts(team.wantsEmailAlerts(actor.id()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<MemberView> create(@RequestBody NewMember request) {
        var member = team.register(request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + member.id()))
                .body(MemberView.of(member));
    }

    /** Who takes over a deactivated member's prospects; left out, they go round the active reps. */
    record Deactivation(String reassignTo) {}

    /** Admins only: the member can no longer sign in, and their prospects and open calls are handed on. */
    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    MemberView deactivate(Actor actor, @PathVariable UUID id, @RequestBody(required = false) Deactivation request) {
        return MemberView.of(team.deactivate(actor, id, request == null ? null : request.reassignTo()));
    }

    @GetMapping
    List<MemberView> list(Actor actor) {
        if (!actor.seesWholeTeam()) {
            return List.of(me(actor));
        }
        return team.members().stream().map(MemberView::of).toList();
    }

    @GetMapping("/me")
    MemberView me(Actor actor) {
        return team.member(actor.id()).map(MemberView::of).orElseThrow(() -> Refusal.notFound("member", actor.id()));
    }
}
