package org.followthrough.bulk;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.calls.CadenceControl;
import org.followthrough.calls.Enrolment;
import org.followthrough.calls.Enrolments;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.springframework.stereotype.Component;

/**
 * What a bulk action does to one prospect, said the same way by the preview and by the run: either
 * it changes them, or it skips them for a reason a manager reads as a count ("37 skipped:
 * do-not-call"). The rules are those of the one-prospect actions they call.
 */
@Component
class Outcomes {

    private final CadenceControl control;
    private final Enrolments enrolments;
    private final Prospects prospects;

    Outcomes(CadenceControl control, Enrolments enrolments, Prospects prospects) {
        this.control = control;
        this.enrolments = enrolments;
        this.prospects = prospects;
    }

    /** Why the prospect would be skipped, or empty when the action changes them. */
    Optional<String> skip(Prospect p, BulkRequest r, UUID assignee) {
        return switch (r.action()) {
            case ENROL -> control.enrolSkip(p, r.cadence().strip(), r.replacing());
            case UNENROL -> control.meantSkip(p);
            case PAUSE -> control.meantSkip(p).or(() -> paused(enrolments.meant(p.id(), null)));
            case REASSIGN -> p.ownerId().equals(assignee) ? Optional.of("already theirs") : Optional.empty();
            case DO_NOT_CALL -> p.doNotCall() ? Optional.of("already do-not-call") : Optional.empty();
        };
    }

    private static Optional<String> paused(Optional<Enrolment> running) {
        return running.isEmpty()
                ? Optional.of("in no cadence")
                : running.filter(Enrolment::isPaused).isPresent() ? Optional.of("already paused") : Optional.empty();
    }

    /** Does the action to the prospect, as the member who asked for it. */
    void apply(Actor actor, Prospect p, BulkRequest r, String assigneeEmail) {
        switch (r.action()) {
            case ENROL ->
                control.enrol(
                        actor,
                        p.id(),
                        new CadenceControl.EnrolRequest(r.cadence().strip(), r.replacing()));
            case UNENROL -> control.unenrol(actor, p.id());
            case PAUSE -> control.pause(actor, p.id(), new CadenceControl.PauseRequest(r.reason(), r.until()));
            case REASSIGN -> prospects.change(actor, p.id(), Map.of("owner", assigneeEmail));
            case DO_NOT_CALL -> prospects.change(actor, p.id(), Map.of("doNotCall", true));
        }
    }

    /** The sentence a preview or a finished action ends with: "412 will be enrolled", "412 enrolled". */
    static String verb(BulkRequest.Action action) {
        return switch (action) {
            case ENROL -> "enrolled";
            case UNENROL -> "taken out of their cadence";
            case PAUSE -> "paused";
            case REASSIGN -> "reassigned";
            case DO_NOT_CALL -> "marked do-not-call";
        };
    }
}
