package org.followthrough.briefing.web;

import java.util.UUID;
import org.followthrough.briefing.CallScripts;
import org.followthrough.briefing.Timeline;
import org.followthrough.scripts.Script;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a rep reads about a prospect over the API: the timeline with the plan ahead, and the prepared
 * script for their next call (the calls know which attempt comes next, the scripts module words it).
 */
@RestController
class BriefingController {

    private final CallScripts scripts;
    private final Timeline timeline;

    BriefingController(CallScripts scripts, Timeline timeline) {
        this.scripts = scripts;
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/prospects/{id}/script")
    Script script(Actor actor, @PathVariable UUID id) {
        return scripts.forNextCall(actor, id);
    }

    @GetMapping("/api/v1/prospects/{id}/timeline")
    Timeline.View timeline(Actor actor, @PathVariable UUID id) {
        return timeline.of(actor, id);
    }
}
