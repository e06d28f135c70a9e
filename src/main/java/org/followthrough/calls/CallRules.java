package org.followthrough.calls;

import java.util.List;
import org.followthrough.appointments.AppointmentRules;
import org.springframework.stereotype.Component;

/**
 * Every rule a logged call keeps, in the order they are asked; the first one broken refuses the call:
 *
 * <ol>
 *   <li>{@link NextStepRequired}: a connected call names its next step (R9);
 *   <li>{@link OneNextStep}: that step is an appointment or an end, one of them;
 *   <li>{@link EndStages}: an end is WON, LOST or NURTURE;
 *   <li>{@link Persistence}: LOST before five follow-ups needs the prospect's no or a confirmation (R13);
 *   <li>{@link DoNotCallBooksNothing}: no appointment with a do-not-call prospect (R2);
 *   <li>{@link AppointmentPossible}: an appointment is one that can be kept: in the prospect's legal
 *       window, on their business day, clear of the rep's other appointments.
 * </ol>
 *
 * The call's label follows R5's numbering ({@link Attempts}).
 */
@Component
class CallRules {

    private final List<CallRule> rules;

    CallRules(AppointmentRules appointments) {
        this.rules = List.of(
                new NextStepRequired(appointments::alternatives),
                new OneNextStep(),
                new EndStages(),
                new Persistence(),
                new DoNotCallBooksNothing(),
                new AppointmentPossible(appointments::check));
    }

    void check(LoggedCall call) {
        rules.forEach(rule -> rule.check(call));
    }
}
