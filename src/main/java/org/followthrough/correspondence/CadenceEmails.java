package org.followthrough.correspondence;

import java.time.Instant;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Wording;
import org.followthrough.cadence.WordingChosen;
import org.followthrough.calls.CadenceEmailPlanned;
import org.followthrough.calls.CadenceEmailsStopped;
import org.followthrough.calls.EnrolmentEnded;
import org.followthrough.calls.EnrolmentPaused;
import org.followthrough.common.Refusal;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxReview;
import org.followthrough.messaging.OutboxVariants;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.scripts.ArticlesSent;
import org.followthrough.scripts.Rendered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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

    private final Outbox outbox;
    private final EmailParties parties;
    private final EmailWording wording;
    private final ArticlesSent articles;
    private final Prospects prospects;
    private final org.followthrough.messaging.Bounces bounces;
    private final Cadences cadences;
    private final OutboxVariants variants;
    private final OutboxReview review;
    private final ApplicationEventPublisher events;

    CadenceEmails(
            Outbox outbox,
            EmailParties parties,
            EmailWording wording,
            ArticlesSent articles,
            Prospects prospects,
            org.followthrough.messaging.Bounces bounces,
            Cadences cadences,
            OutboxVariants variants,
            OutboxReview review,
            ApplicationEventPublisher events) {
        this.bounces = bounces;
        this.review = review;
        this.outbox = outbox;
        this.cadences = cadences;
        this.variants = variants;
        this.events = events;
        this.prospects = prospects;
        this.parties = parties;
        this.wording = wording;
        this.articles = articles;
    }

    /** In the enrolment's transaction: the email is planned with its step or not at all. */
    @EventListener
    void on(CadenceEmailPlanned planned) {
        prospects
                .byId(planned.prospectId())
                .ifPresent(p -> step(
                        p, planned.key(), planned.stepN(), planned.template(), planned.dueAt(), planned.cadenceKey()));
    }

    /** A cadence cut short withdraws the emails it planned that have not gone out; a completed one lets them go. */
    @EventListener
    void on(EnrolmentEnded ended) {
        if (!ended.completed()) {
            outbox.cancelPending(ended.prospectId(), CadenceEmailPlanned.keysOf(ended.enrolmentId()));
        }
    }

    /** A paused cadence sends nothing: its emails still waiting are withdrawn, and planned afresh when it resumes. */
    @EventListener
    void on(EnrolmentPaused paused) {
        outbox.cancelPending(paused.prospectId(), CadenceEmailPlanned.keysOf(paused.enrolmentId()));
    }

    /** The prospect replied (R21): the cadence's emails still waiting are withdrawn. */
    @EventListener
    void on(CadenceEmailsStopped stopped) {
        outbox.cancelPending(stopped.prospectId(), CadenceEmailPlanned.keysOf(stopped.enrolmentId()));
    }

    /** The email of a cadence step; false when the prospect has no address or opted out. */
    boolean step(Prospect p, String dedupeKey, int n, String template, Instant dueAt, String cadenceKey) {
        if (!EmailParties.mayEmail(p) || bounces.undeliverable(p.email()).isPresent()) {
            return false;
        }
        boolean nurture = cadenceKey.equals(Cadence.NURTURE);
        boolean afterSale = cadenceKey.equals(Cadence.POST_SALE);
        var chosen = wordingOf(p, cadenceKey, n, template);
        var key = EmailWording.stepTemplate(
                chosen.template(), nurture ? "nurture" : afterSale ? "post-sale" : "ftc-email", n);
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
        // every cadence email is automated mail: an unsubscribe link and header, business hours, daily caps
        var outgoing = new OutgoingEmail(
                dedupeKey, p.id(), EmailParties.to(p), rep, email.subject(), email.body(), dueAt, true, null);
        // a cadence may let one prospect get more than one of its emails a day
        var perDay = cadences.get(cadenceKey).emailsPerDay();
        var emailId = outbox.enqueue(perDay == null ? outgoing : outgoing.perDay(perDay));
        if (reviewed(cadenceKey, n)) {
            review.holdForReview(emailId);
        }
        if (chosen.name() != null) {
            variants.tag(emailId, chosen.name());
            events.publishEvent(new WordingChosen(
                    p.id(),
                    p.ownerId(),
                    cadenceKey,
                    n,
                    Channel.EMAIL,
                    chosen.name(),
                    chosen.template(),
                    emailId,
                    dueAt));
        }
        return true;
    }

    /** Whether step {@code n} is an email a rep approves before it goes out. */
    private boolean reviewed(String cadenceKey, int n) {
        try {
            var cadence = cadences.get(cadenceKey);
            return n >= 1 && n <= cadence.steps().size() && cadence.step(n).reviewed();
        } catch (Refusal gone) {
            return false;
        }
    }

    /**
     * The wording this prospect gets at step {@code n}: one of the step's variants, the same every
     * time for the same prospect and step, or the step's one template.
     */
    private Wording wordingOf(Prospect p, String cadenceKey, int n, String template) {
        try {
            var cadence = cadences.get(cadenceKey);
            if (n >= 1 && n <= cadence.steps().size() && cadence.step(n).channel() == Channel.EMAIL) {
                return cadence.step(n).wordingFor(p.id(), cadenceKey);
            }
        } catch (Refusal gone) {
            // the cadence was deleted meanwhile: the step's template as planned
        }
        return new Wording(null, template, 1);
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
