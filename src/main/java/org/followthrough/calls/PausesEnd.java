package org.followthrough.calls;

import java.util.UUID;
import org.followthrough.timing.TimedAction;
import org.followthrough.timing.TimedActionHandler;
import org.springframework.stereotype.Component;

/**
 * The day a paused cadence was to resume has come: it resumes from where it stopped, inside the legal
 * window. Performing it twice changes nothing, since only a paused enrolment resumes.
 */
@Component
class PausesEnd implements TimedActionHandler {

    static final String KIND = "cadence-resume";

    private final Enrolments enrolments;

    PausesEnd(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(TimedAction action) {
        enrolments.pauseEnded(UUID.fromString(action.key()), action.dueAt());
    }
}
