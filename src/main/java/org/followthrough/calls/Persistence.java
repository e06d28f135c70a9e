package org.followthrough.calls;

import org.followthrough.common.Refusal;
import org.followthrough.prospects.Stage;
import org.springframework.http.HttpStatus;

/**
 * Persistence (R13): 80% of sales need five or more follow-ups, and 44% of reps give up after one.
 * Closing a prospect as LOST after fewer than {@link #FOLLOW_UPS} follow-ups asks for confirmation,
 * unless the prospect said no.
 */
final class Persistence implements CallRule {

    static final int FOLLOW_UPS = 5;

    @Override
    public void check(LoggedCall call) {
        var next = call.next();
        if (call.endStage().filter(stage -> stage == Stage.LOST).isEmpty()) {
            return;
        }
        int followUps = call.before().followUps();
        if (followUps < FOLLOW_UPS
                && !Boolean.TRUE.equals(next.prospectSaidNo())
                && !Boolean.TRUE.equals(call.call().confirm())) {
            throw new Refusal(
                            HttpStatus.CONFLICT,
                            "Confirm giving up",
                            "Only " + followUps + " follow-up" + (followUps == 1 ? "" : "s")
                                    + " so far: 80% of sales need five or more. If the prospect said no, send"
                                    + " prospectSaidNo: true; to close it anyway, send confirm: true.")
                    .with("followUps", followUps);
        }
    }
}
