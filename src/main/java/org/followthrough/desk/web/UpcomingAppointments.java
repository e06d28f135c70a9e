package org.followthrough.desk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.followthrough.calls.Queue;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in member's appointment calls of the coming hour, and those begun but not yet logged,
 * with the server's time: every page sets its own timer from this to announce each five minutes
 * before it starts, so the announcement does not wait for a page to be reloaded.
 */
@RestController
class UpcomingAppointments {

    /** Looked ahead this far; pages ask again every minute. */
    static final Duration AHEAD = Duration.ofHours(1);

    /** An appointment whose call is not logged this long after its start is no longer announced. */
    static final Duration KEPT = Duration.ofHours(2);

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter HOUR_ZONE = DateTimeFormatter.ofPattern("HH:mm z");

    record Upcoming(Instant now, List<Appointment> appointments) {}

    record Appointment(
            UUID taskId, UUID prospectId, String prospectName, Instant at, String yourTime, String prospectTime) {}

    private final Queue queue;
    private final Clock clock;

    UpcomingAppointments(Queue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/today/appointments")
    Upcoming upcoming(Actor actor) {
        var now = clock.instant();
        var appointments = queue.appointments(actor.id(), now.minus(KEPT), now.plus(AHEAD)).stream()
                .map(a -> new Appointment(
                        a.taskId(),
                        a.prospectId(),
                        a.prospectName(),
                        a.dueAt(),
                        HOUR.format(a.dueAt().atZone(actor.timeZone())),
                        HOUR_ZONE.format(a.dueAt().atZone(java.time.ZoneId.of(a.prospectTimeZone())))))
                .toList();
        return new Upcoming(now, appointments);
    }
}
