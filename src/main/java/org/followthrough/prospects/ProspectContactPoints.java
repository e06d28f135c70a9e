package org.followthrough.prospects;

import java.util.List;
import java.util.UUID;
import org.followthrough.team.Actor;
import org.springframework.stereotype.Service;

/** A prospect's other emails and phones and their source CRMs' ids, as imports kept them. */
@Service
public class ProspectContactPoints {

    /** An email, a phone (E.164) or a source CRM's id ({@code kind} EMAIL, PHONE, CRM_ID), with the layout it came from. */
    public record Point(String kind, String value, String source) {}

    private final Prospects prospects;
    private final ContactPoints points;

    ProspectContactPoints(Prospects prospects, ContactPoints points) {
        this.prospects = prospects;
        this.points = points;
    }

    /** The prospect's points; 404 for a prospect the actor may not see. */
    public List<Point> of(Actor actor, UUID prospectId) {
        prospects.get(actor, prospectId);
        return points.of(prospectId).stream()
                .map(p -> new Point(p.kind(), p.value(), p.label()))
                .toList();
    }
}
