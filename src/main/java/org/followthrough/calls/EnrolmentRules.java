package org.followthrough.calls;

import java.util.Optional;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Channel;
import org.followthrough.prospects.Prospect;

/**
 * Who may be put in which cadence by hand, the rules automatic enrolment keeps: a do-not-call
 * prospect is never in a cadence that calls (R2), but for nurture and the post-sale check-ins, whose
 * calls are left out for them; someone who opted out of email, or has no address,
 * is not put in one that only emails, since nothing of it could happen.
 */
public final class EnrolmentRules {

    private EnrolmentRules() {}

    /** Why the prospect cannot be enrolled in the cadence, or empty when they can. */
    public static Optional<String> refusal(Prospect p, Cadence cadence) {
        boolean calls = cadence.has(Channel.CALL);
        boolean emails = cadence.has(Channel.EMAIL);
        if (p.doNotCall() && cadence.callsTheDoNotCall()) {
            return Optional.of(p.fullName() + " is do-not-call, and " + cadence.name()
                    + " calls; choose a cadence that only emails, such as nurture.");
        }
        boolean mayEmail = !p.emailOptOut() && p.email() != null && !p.email().isBlank();
        if (!calls && emails && !mayEmail) {
            return Optional.of(p.fullName() + (p.emailOptOut() ? " opted out of email" : " has no email address")
                    + ", and " + cadence.name() + " only emails.");
        }
        if (!calls && !emails) {
            return Optional.of(cadence.name() + " has neither calls nor emails to make.");
        }
        return Optional.empty();
    }
}
