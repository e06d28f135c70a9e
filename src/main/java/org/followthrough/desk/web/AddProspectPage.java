package org.followthrough.desk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.DecisionRole;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Adding one prospect by hand, with the checks of {@code POST /api/v1/prospects}: a refusal comes back
 * next to its field with everything typed kept; a prospect who exists already is named with a link.
 * The new prospect is enrolled like any other, and their page opens.
 */
@Controller
@Page
class AddProspectPage {

    private final Prospects prospects;
    private final Team team;

    AddProspectPage(Prospects prospects, Team team) {
        this.prospects = prospects;
        this.team = team;
    }

    @GetMapping("/prospects/new")
    String form(Actor actor, Model model) {
        model.addAttribute(
                "form",
                new ProspectPages.ProspectForm(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "UNKNOWN",
                        actor.email(),
                        false,
                        false));
        return render(actor, model, FormErrors.none());
    }

    @PostMapping("/prospects/new")
    String add(Actor actor, @ModelAttribute("form") ProspectPages.ProspectForm form, Model model) {
        try {
            var saved = prospects.create(
                    actor,
                    new ProspectFields(
                            text(form.fullName()),
                            text(form.title()),
                            text(form.email()),
                            text(form.phone()),
                            text(form.company()),
                            text(form.companyDomain()),
                            text(form.industry()),
                            text(form.country()),
                            text(form.region()),
                            text(form.timeZone()),
                            text(form.decisionRole()),
                            actor.seesWholeTeam() ? text(form.owner()) : null,
                            form.doNotCall(),
                            form.emailOptOut()),
                    false,
                    "API");
            return "redirect:/prospects/" + saved.prospect().id() + "?added";
        } catch (InvalidInput invalid) {
            return render(actor, model, FormErrors.of(invalid));
        } catch (Refusal refused) {
            if (refused.status() != HttpStatus.CONFLICT) {
                throw refused;
            }
            if (refused.properties().get("existingId") instanceof UUID other) {
                model.addAttribute("existing", prospects.find(actor, other).orElse(null));
                return render(actor, model, Map.of("email", "already belongs to a prospect"));
            }
            var field = text(form.email()) == null ? "phone" : "email";
            return render(actor, model, Map.of(field, refused.getMessage()));
        }
    }

    private String render(Actor actor, Model model, Map<String, String> errors) {
        model.addAttribute("roles", Arrays.asList(DecisionRole.values()));
        model.addAttribute("reps", reps(actor));
        model.addAttribute("errors", errors);
        return "desk/new-prospect";
    }

    private List<Member> reps(Actor actor) {
        if (!actor.seesWholeTeam()) {
            return List.of();
        }
        var reps = new ArrayList<Member>();
        for (var m : team.members()) {
            if (m.active() && (m.role() == Role.REP || m.role() == Role.MANAGER)) {
                reps.add(m);
            }
        }
        return reps;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
