package org.followthrough.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.MemberChanges;
import org.followthrough.team.SignedInSession;
import org.followthrough.team.Team;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Every member's own profile: the name prospects hear, the phone their voicemails leave, their time
 * zone, and their password (the current one first, then a new one the password policy accepts).
 */
@Controller
@Page
class ProfilePage {

    record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {}

    private final Team team;
    private final MemberChanges changes;
    private final SignedInSession session;

    ProfilePage(Team team, MemberChanges changes, SignedInSession session) {
        this.team = team;
        this.changes = changes;
        this.session = session;
    }

    @GetMapping("/profile")
    String show(Actor actor, Model model) {
        var me = me(actor);
        return page(
                actor,
                new MemberChanges.Details(
                        me.fullName(), me.phone(), me.timeZone().getId()),
                FormErrors.none(),
                FormErrors.none(),
                model);
    }

    @PostMapping("/profile")
    String change(
            Actor actor,
            MemberChanges.Details form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            session.renew(changes.changeDetails(actor, actor.id(), form), request, response);
            return "redirect:/profile?saved";
        } catch (InvalidInput invalid) {
            return page(actor, form, FormErrors.of(invalid), FormErrors.none(), model);
        }
    }

    @PostMapping("/profile/alerts")
    String alerts(
            Actor actor,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean emailAlerts) {
        changes.changeEmailAlerts(actor, emailAlerts);
        return "redirect:/profile?alertsSaved";
    }

    @PostMapping("/profile/password")
    String password(Actor actor, PasswordForm form, Model model) {
        var me = me(actor);
        var details = new MemberChanges.Details(
                me.fullName(), me.phone(), me.timeZone().getId());
        if (form.newPassword() != null && !form.newPassword().equals(form.repeatPassword())) {
            return page(
                    actor,
                    details,
                    FormErrors.none(),
                    Map.of("repeatPassword", "is not the same as the new password"),
                    model);
        }
        try {
            changes.changeOwnPassword(actor, form.currentPassword(), form.newPassword());
            return "redirect:/profile?passwordChanged";
        } catch (InvalidInput invalid) {
            return page(actor, details, FormErrors.none(), FormErrors.of(invalid), model);
        }
    }

    private Member me(Actor actor) {
        return team.member(actor.id()).orElseThrow(() -> Refusal.notFound("member", actor.id()));
    }

    private String page(
            Actor actor,
            MemberChanges.Details form,
            Map<String, String> errors,
            Map<String, String> passwordErrors,
            Model model) {
        model.addAttribute("emailAlerts", team.wantsEmailAlerts(actor.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("passwordErrors", passwordErrors);
        return "team/profile";
    }
}
