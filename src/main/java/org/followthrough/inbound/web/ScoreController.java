package org.followthrough.inbound.web;

import java.util.UUID;
import org.followthrough.inbound.IntentScore;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A prospect's intent score with every contribution that makes it (R22). */
@RestController
class ScoreController {

    private final IntentScore scores;
    private final Prospects prospects;

    ScoreController(IntentScore scores, Prospects prospects) {
        this.scores = scores;
        this.prospects = prospects;
    }

    @GetMapping("/api/v1/prospects/{id}/score")
    IntentScore.Score score(Actor actor, @PathVariable UUID id) {
        prospects.get(actor, id);
        return scores.of(id);
    }
}
