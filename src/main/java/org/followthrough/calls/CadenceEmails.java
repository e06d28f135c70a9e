package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.prospects.Prospect;
import org.springframework.stereotype.Component;

/**
 * The short email of a cadence step, worded from the step's template variant (R6: FTC #n's email is
 * variant n), and the nurture emails, each with a "new insight" from the article library that the
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
    boolean step(Prospect p, UUID enrolmentId, int n, String template, Instant dueAt, boolean nurture) {
        if (!EmailParties.mayEmail(p)) {
            return false;
        }
        var dedupeKey = PREFIX + enrolmentId + "/" + n;
        var key = EmailWording.stepTemplate(template, nurture ? "nurture" : "ftc-email", n);
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
                        : SafeWording.step(p, rep.name(), parties.organisation()));
        outbox.enqueue(new OutgoingEmail(
                dedupeKey, p.id(), EmailParties.to(p), rep, email.subject(), email.body(), dueAt, nurture, null));
        return true;
    }
}
