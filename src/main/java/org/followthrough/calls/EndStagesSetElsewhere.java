package org.followthrough.calls;

import java.time.Clock;
import org.followthrough.prospects.ProspectChanged;
import org.followthrough.prospects.Prospects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A prospect moved to an end stage (won, lost, nurtured) by something other than a logged call, such as an
 * imported file whose lifecycle stage or lead status says so, leaves the cadence they were running as a logged
 * outcome would (R9): their open calls are called off, a sale starts the post-sale check-ins, a no the nurture,
 * and a loss ends the cadence. A prospect whose running cadence is already the one their stage leads to (a
 * logged call did it in its own transaction), or who runs none, is left alone, so hearing of a change twice
 * does nothing more.
 */
@Component
class EndStagesSetElsewhere {

    private final Prospects prospects;
    private final Enrolments enrolments;
    private final NextSteps nextSteps;
    private final Clock clock;

    EndStagesSetElsewhere(Prospects prospects, Enrolments enrolments, NextSteps nextSteps, Clock clock) {
        this.prospects = prospects;
        this.enrolments = enrolments;
        this.nextSteps = nextSteps;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ProspectChanged changed) {
        if (!changed.changed("stage")) {
            return;
        }
        prospects.byId(changed.prospectId()).ifPresent(p -> {
            // a new do-not-call in the same change is DoNotCall's to act on: it ends the calls or nurtures by email
            if (!p.stage().isEnd() || (changed.changed("doNotCall") && p.doNotCall())) {
                return;
            }
            var running = enrolments.active(p.id());
            if (running.isEmpty() || running.get().cadenceKey().equals(NextSteps.cadenceAfter(p.stage()))) {
                return;
            }
            nextSteps.closedElsewhere(p, clock.instant());
        });
    }
}
