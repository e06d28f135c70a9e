package org.followthrough.calls;

import org.followthrough.prospects.Prospect;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActions;

/**
 * Lets the moment an enrolment waits for come without moving the shared clock: the waiting timed
 * action, as the scheduler stores it, handed to its handler as the scheduler does at its time.
 */
public record NurtureSteps(Enrolments enrolments, TimedActions actions, CadenceStepsDue due) {

    /** The steps of the application a test runs in. */
    public static NurtureSteps of(org.springframework.context.ApplicationContext context) {
        return new NurtureSteps(
                context.getBean(Enrolments.class),
                context.getBean(TimedActions.class),
                context.getBean(CadenceStepsDue.class));
    }

    /** The timed action the prospect's running cadence waits for. */
    public TimedAction waiting(Prospect prospect) {
        var e = enrolments.active(prospect.id()).orElseThrow();
        return actions.find(CadenceStepsDue.KIND, CadenceStepsDue.key(e.id(), e.waitingStep()))
                .orElseThrow();
    }

    public void nextEmailIsDue(Prospect prospect) {
        due.perform(waiting(prospect));
    }
}
