package org.followthrough.calls.web;

import java.util.UUID;
import org.followthrough.calls.CallScripts;
import org.followthrough.scripts.Script;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prepared script for a prospect's next call. It lives with the calls because only they know
 * which attempt comes next and what the last conversation left; the scripts module words it.
 */
@RestController
class ScriptController {

    private final CallScripts scripts;

    ScriptController(CallScripts scripts) {
        this.scripts = scripts;
    }

    @GetMapping("/api/v1/prospects/{id}/script")
    Script script(Actor actor, @PathVariable UUID id) {
        return scripts.forNextCall(actor, id);
    }
}
