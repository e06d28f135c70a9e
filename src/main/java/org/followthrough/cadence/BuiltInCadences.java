package org.followthrough.cadence;

import static org.followthrough.cadence.Delay.Anchor.PREVIOUS;
import static org.followthrough.cadence.Delay.Anchor.START;

import java.util.ArrayList;
import java.util.List;

/** The four cadences every team starts with; managers edit them as data. */
final class BuiltInCadences {

    private BuiltInCadences() {}

    static List<Cadence> all() {
        return List.of(firstTimeCalls(), missedAppointment(), postSale(), nurture());
    }

    /**
     * R7, R8: six calls over about two weeks — the first as soon as calling is legal, the second the
     * next business day (within three), then in the best windows of business days 3, 5, 8 and 10 —
     * each with its own voicemail and a short email ten minutes after it; then NURTURE.
     */
    static Cadence firstTimeCalls() {
        int[] businessDays = {0, 1, 3, 5, 8, 10};
        var steps = new ArrayList<Step>();
        for (int call = 1; call <= businessDays.length; call++) {
            var delay = call == 1 ? Delay.minutes(0, START) : Delay.businessDays(businessDays[call - 1], START);
            var placing = call == 1 ? Placing.LEGAL : Placing.BEST_WINDOW;
            steps.add(new Step(steps.size() + 1, Channel.CALL, delay, placing, "ftc-voicemail-" + call));
            steps.add(new Step(
                    steps.size() + 1, Channel.EMAIL, Delay.minutes(10, PREVIOUS), Placing.EXACT, "ftc-email-" + call));
        }
        return new Cadence(Cadence.FIRST_TIME_CALLS, "First-time calls", steps, "NURTURE");
    }

    /**
     * R12 exactly: voicemail M1 at the missed appointment; a call exactly ten minutes after it (M2 if
     * missed again); a call about four hours after it, moved into the legal window (M3); then four
     * calls three business days apart; then NURTURE. Any connection ends it.
     */
    static Cadence missedAppointment() {
        var steps = new ArrayList<Step>();
        steps.add(new Step(1, Channel.VOICEMAIL, Delay.minutes(0, START), Placing.EXACT, "missed-appointment-m1"));
        steps.add(new Step(2, Channel.CALL, Delay.minutes(10, START), Placing.EXACT, "missed-appointment-m2"));
        steps.add(new Step(3, Channel.CALL, Delay.hours(4, START), Placing.LEGAL, "missed-appointment-m3"));
        for (int i = 0; i < 4; i++) {
            steps.add(new Step(
                    steps.size() + 1,
                    Channel.CALL,
                    Delay.businessDays(3, PREVIOUS),
                    Placing.BEST_WINDOW,
                    "missed-appointment-m3"));
        }
        return new Cadence(Cadence.MISSED_APPOINTMENT, "Missed appointment", steps, "NURTURE");
    }

    /**
     * R24: a check-in after a week, again after a month, a referral ask after a quarter. Each is an
     * email in the team's post-sale wording ({@code post-sale-1..3}) saying why we are in touch, then
     * a call the next business day in a best window; the cadence goes on whether or not the call
     * connects.
     */
    static Cadence postSale() {
        int[] businessDays = {5, 21, 63};
        var steps = new ArrayList<Step>();
        for (int i = 0; i < businessDays.length; i++) {
            steps.add(new Step(
                    steps.size() + 1,
                    Channel.EMAIL,
                    Delay.businessDays(businessDays[i], START),
                    Placing.EXACT,
                    "post-sale-" + (i + 1)));
            steps.add(new Step(
                    steps.size() + 1, Channel.CALL, Delay.businessDays(1, PREVIOUS), Placing.BEST_WINDOW, null));
        }
        return new Cadence(Cadence.POST_SALE, "After the sale", steps, null);
    }

    /**
     * R20, R23: a slow, long cadence of value-adding emails, one every three weeks for half a year, with
     * an unsubscribe link; no calls, so a prospect who said no stays out of the call queue until a trigger.
     */
    static Cadence nurture() {
        var steps = new ArrayList<Step>();
        for (int i = 1; i <= 8; i++) {
            steps.add(new Step(i, Channel.EMAIL, Delay.businessDays(15, PREVIOUS), Placing.EXACT, "nurture-" + i));
        }
        return new Cadence(Cadence.NURTURE, "Nurture", steps, null);
    }
}
