package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.prospects.Prospect;
import org.followthrough.scripts.Rendered;
import org.springframework.stereotype.Component;

/**
 * The short email of a cadence step, worded from the step's template variant (R6: FTC #n's email is
 * variant n), the post-sale check-ins (R24), and the nurture emails, each with a "new insight" from the article library that the
 * prospect has not been sent (R14, R20). Written to the outbox in the caller's transaction, due at
 * the step's exact time; the dedupe key {@code enrolment/<id>/<n>} marks them as cadence emails, which
 * a reply from the prospect stops (R21).
 */
@Component
class CadenceEmails {

    static final String PREFIX = "enrolment/";

    private final Outbox outbox;
    private final EmailParties parties;
    private final EmailWording wording;
    private final ArticlesSent articles;

    CadenceEmails(Outbox outbox, EmailParties parties, EmailWording wording, ArticlesSent articles) {
        this.outbox = outbox;
        this.parties = parties;
        this.wording = wording;
        this.articles = articles;
    }

    /** The email of a cadence step; false when the prospect has no address or opted out. */
    boolean step(Prospect p, UUID enrolmentId, int n, String template, Instant dueAt, String cadenceKey) {
        if (!EmailParties.mayEmail(p)) {
            return false;
        }
        boolean nurture = cadenceKey.equals(Cadence.NURTURE);
        boolean afterSale = cadenceKey.equals(Cadence.POST_SALE);
        var dedupeKey = PREFIX + enrolmentId + "/" + n;
        var key = EmailWording.stepTemplate(template, nurture ? "nurture" : afterSale ? "post-sale" : "ftc-email", n);
        var rep = parties.rep(p);
        var values = parties.values(p);
        var article = nurture
                ? articles.pickFor(p, parties.topics(p), dedupeKey, dueAt).orElse(null)
                : null;
        values.article(article);
        var email = wording.write(
                key.key(),
                key.variant(),
                values.build(),
                p.id(),
                dedupeKey,
                () -> nurture
                        ? SafeWording.nurture(p, article, rep.name(), parties.organisation())
                        : afterSale
                                ? checkIn(p, rep.name(), parties.organisation())
                                : SafeWording.step(p, rep.name(), parties.organisation()));
        outbox.enqueue(new OutgoingEmail(
                dedupeKey, p.id(), EmailParties.to(p), rep, email.subject(), email.body(), dueAt, nurture, null));
        return true;
    }

    /** The default wording of a post-sale email (R24), used only when the team's post-sale template cannot be filled in. */
    private static Rendered checkIn(Prospect p, String rep, String organisation) {
        return new Rendered(
                "How is it going, " + p.firstName() + "?",
                "Hi " + p.firstName() + ",\n\nI wanted to check in: how is everything going since you started with "
                        + organisation + "? If anything has not worked the way you expected, I'd much rather hear it"
                        + " now, while it's easy to fix.\n\nBest regards,\n" + rep + "\n" + organisation);
    }
}
