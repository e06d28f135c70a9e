package org.followthrough.briefing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Planner;
import org.followthrough.calls.CadenceEmailPlanned;
import org.followthrough.calls.Enrolment;
import org.followthrough.calls.Enrolments;
import org.followthrough.calls.Queue;
import org.followthrough.calls.Task;
import org.followthrough.calls.TaskKind;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.prospects.Prospect;
import org.followthrough.touches.Attempts;
import org.followthrough.touches.Touches;
import org.springframework.stereotype.Component;

/**
 * Everything the engine has planned for a prospect, as the timeline shows it: the open calls with
 * the labels they will carry, the emails waiting in the outbox with their subjects and what each is
 * for, and — tentative — the steps the running cadence will take after those if nobody answers,
 * computed by the same planner (a handful of steps, no query each).
 */
@Component
class PlannedSteps {

    private final Queue tasks;
    private final Touches touches;
    private final Enrolments enrolments;
    private final Cadences cadences;
    private final Planner planner;
    private final org.followthrough.messaging.Outbox outbox;

    PlannedSteps(
            Queue tasks,
            Touches touches,
            Enrolments enrolments,
            Cadences cadences,
            Planner planner,
            org.followthrough.messaging.Outbox outbox) {
        this.outbox = outbox;
        this.tasks = tasks;
        this.touches = touches;
        this.enrolments = enrolments;
        this.cadences = cadences;
        this.planner = planner;
    }

    List<Timeline.PlannedView> of(Prospect p, List<OutboxEntry> waitingEmails) {
        var planned = new ArrayList<Timeline.PlannedView>();
        var labels = new Labels(touches.counts(p.id()));
        var open = tasks.openFor(p.id());
        for (var task : open) {
            var label = task.kind() == TaskKind.APPOINTMENT ? "Appointment" : labels.next();
            planned.add(new Timeline.PlannedView("CALL", task.reason(), task.dueAt(), label, null, false));
        }
        var byEnrolment = new HashMap<UUID, Optional<Cadence>>();
        // an automated email held for the prospect's business hours or the daily caps shows when it really goes, and
        // why
        var holds =
                outbox.holdReasons(waitingEmails.stream().map(OutboxEntry::id).toList());
        for (var email : waitingEmails) {
            var purpose = purpose(email.dedupeKey(), byEnrolment);
            var hold = holds.get(email.id());
            var goes = email.nextAttemptAt() != null && email.nextAttemptAt().isAfter(email.dueAt())
                    ? email.nextAttemptAt()
                    : email.dueAt();
            planned.add(new Timeline.PlannedView(
                    "EMAIL", hold == null ? purpose : purpose + " (" + hold + ")", goes, null, email.subject(), false));
        }
        // a paused cadence plans nothing ahead; the timeline says it is paused, and until when
        for (var e : enrolments.running(p.id())) {
            if (e.isActive()) {
                ahead(p, e, open, labels, planned);
            }
        }
        planned.sort(java.util.Comparator.comparing(Timeline.PlannedView::at));
        return planned;
    }

    /** The running cadence's steps after the one it is at (its open call, or the email it waits for). */
    private void ahead(Prospect p, Enrolment e, List<Task> open, Labels labels, List<Timeline.PlannedView> planned) {
        Integer n = e.waitingStep();
        Instant at = e.waitingUntil();
        for (var task : open) {
            if (e.id().equals(task.enrolmentId()) && task.stepN() != null) {
                n = task.stepN();
                at = task.dueAt();
            }
        }
        if (n == null || at == null) {
            return;
        }
        var cadence = cadences.get(e.cadenceKey());
        var place = p.place();
        for (var next = planner.next(cadence, place, e.startedAt(), n, at); next.isPresent(); ) {
            var step = next.get();
            if (step.channel() == Channel.CALL && !p.doNotCall()) {
                planned.add(new Timeline.PlannedView(
                        "CALL", cadence.callReason(step.n()), step.at(), labels.next(), null, true));
            } else if (step.channel() == Channel.EMAIL) {
                planned.add(new Timeline.PlannedView(
                        "EMAIL", emailPurpose(cadence, step.n()), step.at(), null, null, true));
            }
            next = planner.next(cadence, place, e.startedAt(), step.n(), step.at());
        }
    }

    /** What an email is for, read from its dedupe key: "Reminder", "Thank-you", "FTC #2 email". */
    private String purpose(String dedupeKey, Map<UUID, Optional<Cadence>> byEnrolment) {
        var parts = dedupeKey.split("/");
        if (parts.length == 4 && parts[0].equals("appointment")) {
            return switch (parts[3]) {
                case "thank-you" -> "Thank-you";
                case "reminder" -> "Reminder";
                case "moved" -> "New time";
                case "cancel" -> "Cancellation";
                default -> readable(parts[3]);
            };
        }
        if (parts.length == 3 && CadenceEmailPlanned.PREFIX.equals(parts[0] + "/")) {
            try {
                var id = UUID.fromString(parts[1]);
                var cadence = byEnrolment.computeIfAbsent(
                        id, key -> enrolments.cadenceOf(key).map(cadences::get));
                int n = Integer.parseInt(parts[2]);
                if (cadence.isPresent() && n >= 1 && n <= cadence.get().steps().size()) {
                    return emailPurpose(cadence.get(), n);
                }
            } catch (IllegalArgumentException notOurs) {
                // not a cadence email after all
            }
        }
        return readable(parts[parts.length - 1]);
    }

    /** A cadence step's email: after FTC #n it is "FTC #n email"; otherwise the n-th email of its cadence. */
    static String emailPurpose(Cadence cadence, int n) {
        int calls = 0;
        int emails = 0;
        for (var step : cadence.steps()) {
            if (step.n() > n) {
                break;
            }
            if (step.channel() == Channel.CALL) {
                calls++;
            } else if (step.channel() == Channel.EMAIL) {
                emails++;
            }
        }
        return switch (cadence.key()) {
            case Cadence.FIRST_TIME_CALLS -> "FTC #" + Math.max(calls, 1) + " email";
            case Cadence.NURTURE -> "Nurture email #" + emails;
            case Cadence.POST_SALE -> "Post-sale check-in #" + emails;
            default -> cadence.name() + ": email " + emails;
        };
    }

    private static String readable(String key) {
        var words = key.replace('-', ' ').replace('_', ' ').trim();
        return words.isEmpty() ? "Email" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** The labels the prospect's next calls will carry, one after another, if none of them connects (R5). */
    private static final class Labels {
        private Attempts counts;

        Labels(Attempts counts) {
            this.counts = counts;
        }

        String next() {
            var label = counts.nextLabel();
            counts = counts.after("NO_ANSWER");
            return label;
        }
    }
}
