package org.followthrough.briefing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.followthrough.calls.Enrolment;
import org.followthrough.calls.Enrolments;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.followthrough.touches.Touches;
import org.followthrough.touches.Touches.Closed;
import org.springframework.stereotype.Service;

/**
 * Everything that happened with a prospect and everything the engine has planned, with exact times:
 * the open calls, the emails waiting with their subjects, and the cadence's steps ahead of them.
 */
@Service
public class Timeline {

    /** A touch: a call with its outcome and label, or an email sent. */
    public record TouchView(
            UUID id,
            String kind,
            String outcome,
            String label,
            Instant at,
            String notes,
            String subject,
            Long latenessSeconds,
            Closed closed) {}

    /**
     * A planned step: a call task or an email waiting in the outbox, or — {@code tentative} — a step
     * the running cadence will take after those if nobody answers, not scheduled yet.
     */
    public record PlannedView(
            String kind, String purpose, Instant at, String label, String subject, boolean tentative) {}

    /** The prospect's cadence is paused: which, why, since when and until when (null: until someone resumes it). */
    public record Paused(String cadence, String reason, Instant since, Instant until) {}

    /** A running cadence of the prospect: its key, ACTIVE or PAUSED, and whether it runs alongside the main one. */
    public record RunningCadence(String cadence, Enrolment.Status status, boolean alongside, Paused paused) {}

    /**
     * {@code paused} is the main cadence's pause (or the only running one's); {@code cadences} lists
     * every running cadence, the main one first.
     */
    public record View(
            UUID prospectId,
            String timeZone,
            List<TouchView> touches,
            List<PlannedView> planned,
            Paused paused,
            List<RunningCadence> cadences) {}

    private final Prospects prospects;
    private final Touches touches;
    private final PlannedSteps steps;
    private final Outbox outbox;
    private final Enrolments enrolments;

    Timeline(Prospects prospects, Touches touches, PlannedSteps steps, Outbox outbox, Enrolments enrolments) {
        this.enrolments = enrolments;
        this.prospects = prospects;
        this.touches = touches;
        this.steps = steps;
        this.outbox = outbox;
    }

    public View of(Actor actor, UUID prospectId) {
        var prospect = prospects.get(actor, prospectId);
        var past = new ArrayList<TouchView>();
        for (var t : touches.of(prospectId)) {
            past.add(new TouchView(
                    t.id(),
                    t.kind(),
                    t.outcome(),
                    t.label(),
                    t.at(),
                    t.notes(),
                    null,
                    t.latenessSeconds(),
                    t.closed()));
        }
        var waiting = new ArrayList<org.followthrough.messaging.OutboxEntry>();
        for (var email : outbox.list(null, prospectId, 0, 200)) {
            if (email.status() == EmailStatus.SENT) {
                past.add(new TouchView(
                        email.id(), "EMAIL", null, null, email.sentAt(), null, email.subject(), null, null));
            } else if (email.status() == EmailStatus.PENDING || email.status() == EmailStatus.SENDING) {
                waiting.add(email);
            }
        }
        var planned = steps.of(prospect, waiting);
        past.sort(Comparator.comparing(TouchView::at, Comparator.nullsLast(Comparator.reverseOrder())));
        var paused = enrolments.meant(prospectId, null).map(Timeline::paused).orElse(null);
        var cadences = enrolments.running(prospectId).stream()
                .map(e -> new RunningCadence(e.cadenceKey(), e.status(), e.alongside(), paused(e)))
                .toList();
        return new View(prospectId, prospect.timeZone().getId(), past, planned, paused, cadences);
    }

    private static Paused paused(Enrolment e) {
        return e.isPaused()
                ? new Paused(
                        e.cadenceKey(),
                        e.pause().reason(),
                        e.pause().at(),
                        e.pause().until())
                : null;
    }
}
