package org.followthrough.calls;

import org.followthrough.common.InvalidInput;

/**
 * A call closes a prospect only at an end of the road (R9): WON, LOST or NURTURE, as the prospects'
 * stages name them, with a reason of at most 500 characters.
 */
final class EndStages implements CallRule {

    static final int MAX_REASON = 500;

    @Override
    public void check(LoggedCall call) {
        var next = call.next();
        if (next == null || next.stage() == null) {
            return;
        }
        if (call.endStage().filter(stage -> stage.isEnd()).isEmpty()) {
            throw InvalidInput.of("nextStep.stage", "must be WON, LOST or NURTURE, not '" + next.stage() + "'");
        }
        if (next.reason() != null && next.reason().length() > MAX_REASON) {
            throw InvalidInput.of("nextStep.reason", "must be at most " + MAX_REASON + " characters");
        }
    }
}
