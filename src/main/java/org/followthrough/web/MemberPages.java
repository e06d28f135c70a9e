package org.followthrough.web;

import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.MemberChanges;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The team's members, for administrators: who is in it, adding someone (as POST /api/v1/users),
 * editing a member's details and role, deactivating and taking back, setting a new password.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class MemberPages {

    /** The add form as typed; the password is never sent back to the browser. */
    record MemberForm(String email, String fullName, Role role, String password, String phone, String timeZone) {
        NewMember newMember() {
            return new NewMember(email, fullName, role, password, blankAsNull(phone), blankAsNull(timeZone));
        }

        private static String blankAsNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** The edit form of one member: their details and role. */
    record EditForm(String fullName, String phone, String timeZone, Role role) {}

    private final Team team;
    private final MemberChanges changes;

    MemberPages(Team team, MemberChanges changes) {
        this.team = team;
        this.changes = changes;
    }

    @GetMapping("/users")
    String list(Model model) {
        var empty = new MemberForm(
                "", "", Role.REP, "", "", team.organisation().timeZone().getId());
        return page(empty, FormErrors.none(), model);
    }

    @PostMapping("/users")
    String add(MemberForm form, Model model) {
        try {
            var member = team.register(form.newMember());
            return "redirect:/users?added=" + member.id();
        } catch (InvalidInput invalid) {
            return page(form, FormErrors.of(invalid), model);
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.CONFLICT) {
                throw refusal;
            }
            return page(
                    form,
                    Map.of("email", "already belongs to a member; each member signs in with their own email"),
                    model);
        }
    }

    @PostMapping("/users/{id}/deactivate")
    String deactivate(@PathVariable UUID id, Actor actor) {
        team.deactivate(actor, id);
        return "redirect:/users?deactivated=" + id;
    }

    @GetMapping("/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var member = member(id);
        var form = new EditForm(
                member.fullName(), member.phone(), member.timeZone().getId(), member.role());
        return editPage(member, form, FormErrors.none(), model);
    }

    @PostMapping("/users/{id}")
    String change(@PathVariable UUID id, EditForm form, Actor actor, Model model) {
        var member = member(id);
        try {
            changes.changeDetails(actor, id, new MemberChanges.Details(form.fullName(), form.phone(), form.timeZone()));
            if (form.role() != member.role()) {
                changes.changeRole(actor, id, form.role());
            }
        } catch (InvalidInput invalid) {
            return editPage(member, form, FormErrors.of(invalid), model);
        }
        return "redirect:/users/" + id + "?saved";
    }

    @PostMapping("/users/{id}/reactivate")
    String reactivate(@PathVariable UUID id, Actor actor) {
        changes.reactivate(actor, id);
        return "redirect:/users/" + id + "?reactivated";
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(@PathVariable UUID id, String password, Actor actor, Model model) {
        var member = member(id);
        try {
            changes.resetPassword(actor, id, password);
        } catch (InvalidInput invalid) {
            var form = new EditForm(
                    member.fullName(), member.phone(), member.timeZone().getId(), member.role());
            return editPage(member, form, FormErrors.of(invalid), model);
        }
        return "redirect:/users/" + id + "?passwordSet";
    }

    private Member member(UUID id) {
        return team.member(id).orElseThrow(() -> Refusal.notFound("member", id));
    }

    private String editPage(Member member, EditForm form, Map<String, String> errors, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        return "team/member";
    }

    private String page(MemberForm form, Map<String, String> errors, Model model) {
        model.addAttribute("members", team.members());
        model.addAttribute(
                "form", new MemberForm(form.email(), form.fullName(), form.role(), "", form.phone(), form.timeZone()));
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        return "team/users";
    }
}
