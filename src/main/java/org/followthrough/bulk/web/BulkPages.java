package org.followthrough.bulk.web;

import java.util.Map;
import java.util.UUID;
import org.followthrough.bulk.BulkActions;
import org.followthrough.bulk.BulkRequest;
import org.followthrough.cadence.Cadences;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A bulk action from the prospects list: what it needs (a cadence, a reason, a member), the preview
 * that says what it will do to how many, then the action running in the background with its
 * progress, and the record of the latest ones.
 */
@Controller
@Page
class BulkPages {

    private final BulkActions bulk;
    private final Cadences cadences;
    private final Team team;

    BulkPages(BulkActions bulk, Cadences cadences, Team team) {
        this.bulk = bulk;
        this.cadences = cadences;
        this.team = team;
    }

    /** The action's fields and, once they are complete, its preview with the button that does it. */
    @GetMapping("/prospects/bulk")
    String preview(Actor actor, BulkRequest request, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("cadences", cadences.all());
        model.addAttribute(
                "members",
                team.members().stream()
                        .filter(m -> m.active() && m.role() != Role.ADMIN)
                        .toList());
        Map<String, String> errors = FormErrors.none();
        try {
            if (complete(request)) {
                model.addAttribute("preview", bulk.preview(actor, request));
            }
        } catch (InvalidInput invalid) {
            errors = FormErrors.of(invalid);
        }
        model.addAttribute("errors", errors);
        return "bulk/preview";
    }

    @PostMapping("/prospects/bulk")
    String start(Actor actor, BulkRequest request) {
        var started = bulk.start(actor, request);
        return "redirect:/bulk-actions/" + started.id();
    }

    @GetMapping("/bulk-actions/{id}")
    String progress(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("job", bulk.find(actor, id));
        model.addAttribute("latest", bulk.latest(actor, 20));
        return "bulk/progress";
    }

    /** The progress alone, which the page asks for again while the action runs. */
    @GetMapping("/bulk-actions/{id}/progress")
    String progressFragment(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("job", bulk.find(actor, id));
        return "bulk/progress :: progress";
    }

    private static boolean complete(BulkRequest r) {
        if (r.action() == null) {
            return false;
        }
        return switch (r.action()) {
            case ENROL -> r.cadence() != null;
            case PAUSE -> r.reason() != null;
            case REASSIGN -> r.assignTo() != null;
            default -> true;
        };
    }
}
