package org.followthrough.prospects.web;

import java.util.List;
import java.util.UUID;
import org.followthrough.prospects.ProspectContactPoints;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A prospect's other emails and phones and source CRM ids, beside the main ones the prospect carries. */
@RestController
class ContactPointsController {

    private final ProspectContactPoints points;

    ContactPointsController(ProspectContactPoints points) {
        this.points = points;
    }

    @GetMapping("/api/v1/prospects/{id}/contact-points")
    List<ProspectContactPoints.Point> of(Actor actor, @PathVariable UUID id) {
        return points.of(actor, id);
    }
}
