package org.followthrough.scripts.web;

import java.util.Map;
import org.followthrough.common.InvalidInput;
import org.followthrough.scripts.ObjectionCategory;
import org.followthrough.scripts.ObjectionPlaybooks;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The objection playbooks (R17), one per BANT category in the four LAER steps: reps read, managers edit. */
@Controller
@Page
class PlaybookPages {

    private final ObjectionPlaybooks playbooks;

    PlaybookPages(ObjectionPlaybooks playbooks) {
        this.playbooks = playbooks;
    }

    @GetMapping("/playbooks")
    String list(Actor actor, Model model) {
        return page(actor, null, null, FormErrors.none(), model);
    }

    @PostMapping("/playbooks/{category}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String save(@PathVariable ObjectionCategory category, ObjectionPlaybooks.Steps steps, Actor actor, Model model) {
        try {
            playbooks.save(category, steps, actor.email());
        } catch (InvalidInput invalid) {
            return page(actor, category, steps, FormErrors.of(invalid), model);
        }
        return "redirect:/playbooks?saved=" + category;
    }

    private String page(
            Actor actor,
            ObjectionCategory refused,
            ObjectionPlaybooks.Steps typed,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("playbooks", playbooks.all());
        model.addAttribute("editable", actor.seesWholeTeam());
        model.addAttribute("refused", refused);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "scripts/playbooks";
    }
}
