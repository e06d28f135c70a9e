package org.followthrough.calls;

import java.util.UUID;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActionHandler;
import org.springframework.stereotype.Component;

/**
 * The moment an enrolment waited for has come (an email step with no call right after it): the step
 * counts as done at its planned instant and the enrolment plans what follows. Performing it twice
 * changes nothing, since a step already done is not done again.
 */
@Component
class CadenceStepsDue implements TimedActionHandler {

    static final String KIND = "cadence-step";

    private final Enrolments enrolments;

    CadenceStepsDue(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    static String key(UUID enrolmentId, int n) {
        return enrolmentId + "/" + n;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(TimedAction action) {
        int slash = action.key().lastIndexOf('/');
        enrolments.stepDone(
                UUID.fromString(action.key().substring(0, slash)),
                Integer.parseInt(action.key().substring(slash + 1)),
                action.dueAt());
    }
}
