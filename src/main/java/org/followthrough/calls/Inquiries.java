package org.followthrough.calls;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.followthrough.cadence.Cadence;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.signals.Signal;
import org.followthrough.signals.SignalReceived;
import org.followthrough.signals.SignalType;
import org.followthrough.team.Actor;
import org.followthrough.team.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Speed to lead (R7, R20): a web inquiry puts a call at the top of the owner's queue at once — the
 * first call of the first-time-call cadence for someone new or still being worked, a trigger call for
 * someone in nurture, lost or won — inside the legal window, and tells the owner live.
 */
@Component
class Inquiries {

    private static final Logger log = LoggerFactory.getLogger(Inquiries.class);
    /** Who acts when a web form creates a prospect: hands the new prospect to the reps in turn. */
    static final Actor WEB_FORM =
            new Actor(new UUID(0, 1), "web-form@followthrough.local", "Web form", Role.MANAGER, ZoneOffset.UTC);

    private final Prospects prospects;
    private final Enrolments enrolments;
    private final Tasks tasks;
    private final CallCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    Inquiries(
            Prospects prospects,
            Enrolments enrolments,
            Tasks tasks,
            CallCalendar calendar,
            ApplicationEventPublisher events,
            Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.prospects = prospects;
        this.enrolments = enrolments;
        this.tasks = tasks;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    @ApplicationModuleListener
    void on(SignalReceived received) {
        var signal = received.signal();
        if (signal.type() != SignalType.INQUIRY) {
            return;
        }
        var prospect = signal.email() == null
                ? null
                : prospects.byEmail(signal.email()).orElse(null);
        if (prospect == null) {
            prospect = create(signal);
            if (prospect == null) {
                return;
            }
        }
        raise(prospect, signal);
        meters.timer("followthrough.inquiry.to.task")
                .record(java.time.Duration.between(received.receivedAt(), clock.instant()));
    }

    private Prospect create(Signal s) {
        var name = s.name() != null && !s.name().isBlank()
                ? s.name()
                : s.email() == null
                        ? "Web inquiry"
                        : s.email().substring(0, s.email().indexOf('@'));
        try {
            return prospects
                    .create(
                            WEB_FORM,
                            new ProspectFields(
                                    name,
                                    null,
                                    s.email(),
                                    s.phone(),
                                    s.company(),
                                    s.domain(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            false,
                            "SIGNAL")
                    .prospect();
        } catch (InvalidInput | Refusal refused) {
            log.info("Inquiry {} names nobody FollowThrough can contact: {}", s.id(), refused.getMessage());
            return null;
        }
    }

    private void raise(Prospect p, Signal s) {
        if (p.doNotCall()) {
            return;
        }
        var now = clock.instant();
        var due = calendar.earliestLegal(now, new Place(p.timeZone(), p.country()));
        var reason = "Web inquiry " + ago(s)
                + (s.message() == null || s.message().isBlank() ? "" : ": " + abbreviate(s.message()));
        TaskKind kind;
        if (p.stage().isOpen()) {
            if (enrolments.active(p.id()).isEmpty()) {
                enrolments.start(p.id(), Cadence.FIRST_TIME_CALLS, now);
            }
            kind = TaskKind.INBOUND;
        } else {
            kind = TaskKind.TRIGGER;
        }
        var raised = kind == TaskKind.INBOUND ? tasks.raise(p.id(), kind, due, reason) : null;
        var taskId = raised != null
                ? raised
                : tasks.open(p.id(), p.ownerId(), null, null, null, kind, due, reason, null, now);
        events.publishEvent(new TaskRaised(taskId, p.id(), p.ownerId(), kind, p.fullName(), reason, due));
    }

    private String ago(Signal s) {
        var minutes =
                java.time.Duration.between(s.occurredAt(), clock.instant()).toMinutes();
        return minutes < 1 ? "just now" : minutes + " minute" + (minutes == 1 ? "" : "s") + " ago";
    }

    private static String abbreviate(String text) {
        var flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }
}
