package org.followthrough.calls;

import org.followthrough.prospects.Prospect;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActions;

/**
 * Lets the moment an enrolment waits for come without moving the shared clock: the waiting timed
 * action, as the scheduler stores it, handed to its handler as the scheduler does at its time.
 */
record NurtureSteps(Enrolments enrolments, TimedActions actions, CadenceStepsDue due) {

    /** The timed action the prospect's running cadence waits for. */
    TimedAction waiting(Prospect prospect) {
        var e = enrolments.active(prospect.id()).orElseThrow();
        return actions.find(CadenceStepsDue.KIND, CadenceStepsDue.key(e.id(), e.waitingStep()))
                .orElseThrow();
    }

    void nextEmailIsDue(Prospect prospect) {
        due.perform(waiting(prospect));
    }
}
