package org.followthrough.scripts.web;

import java.util.List;
import org.followthrough.scripts.ObjectionCategory;
import org.followthrough.scripts.ObjectionPlaybook;
import org.followthrough.scripts.ObjectionPlaybooks;
import org.followthrough.team.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The LAER playbooks for each objection category: every member reads them; managers and admins edit. */
@RestController
@RequestMapping("/api/v1/objections/playbooks")
class PlaybookController {

    private final ObjectionPlaybooks playbooks;

    PlaybookController(ObjectionPlaybooks playbooks) {
        this.playbooks = playbooks;
    }

    @GetMapping
    List<ObjectionPlaybook> list() {
        return playbooks.all();
    }

    @PutMapping("/{category}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    ObjectionPlaybook save(
            @PathVariable ObjectionCategory category, @RequestBody ObjectionPlaybooks.Steps steps, Actor actor) {
        return playbooks.save(category, steps, actor.email());
    }
}
