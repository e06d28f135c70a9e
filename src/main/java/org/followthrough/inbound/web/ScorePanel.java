package org.followthrough.inbound.web;

import java.util.UUID;
import org.followthrough.inbound.IntentScore;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The prospect page's intent score panel (R22): the score and what makes it up, loaded into the page. */
@Controller
@Page
class ScorePanel {

    private final IntentScore scores;
    private final Prospects prospects;

    ScorePanel(IntentScore scores, Prospects prospects) {
        this.scores = scores;
        this.prospects = prospects;
    }

    @GetMapping("/prospects/{id}/score")
    String panel(Actor actor, @PathVariable UUID id, Model model) {
        prospects.get(actor, id);
        model.addAttribute("score", scores.of(id));
        return "inbound/score :: panel";
    }
}
