package org.followthrough.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;
import org.followthrough.messaging.Invitation;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.messaging.Recipient;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.springframework.stereotype.Component;

/**
 * The emails the engine plans: the short email of a cadence step, and around an appointment the
 * thank-you right after the call and the reminder the business day before at 10:00 local (R10), both
 * with the invitation. Written to the outbox in the caller's transaction, due at their exact time.
 */
@Component
class CadenceEmails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    private final Outbox outbox;
    private final Team team;
    private final CallCalendar calendar;

    CadenceEmails(Outbox outbox, Team team, CallCalendar calendar) {
        this.outbox = outbox;
        this.team = team;
        this.calendar = calendar;
    }

    /** The email of a cadence step; false when the prospect has no address or opted out. */
    boolean step(Prospect p, UUID enrolmentId, int n, String template, Instant dueAt, boolean nurture) {
        if (p.email() == null || p.emailOptOut()) {
            return false;
        }
        var rep = rep(p);
        var subject = nurture ? "An idea for " + company(p) : "Following up, " + p.firstName();
        var text = "Hi " + p.firstName() + ",\n\n"
                + (nurture
                        ? "I came across something that teams like " + company(p) + " have found useful, and thought"
                                + " of you. If the timing is better now, I'd be glad to talk.\n"
                        : "I tried to reach you by phone today. I'd like ten minutes to learn how " + company(p)
                                + " handles this today and whether we can help. When would suit you?\n")
                + "\nBest regards,\n" + rep.name() + "\n" + team.organisation().name();
        outbox.enqueue(new OutgoingEmail(
                "enrolment/" + enrolmentId + "/" + n, p.id(), to(p), rep, subject, text, dueAt, nurture, null));
        return true;
    }

    /** Thank-you now and the reminder the business day before at 10:00 local, unless that moment has passed. */
    void booked(Prospect p, UUID appointmentId, int sequence, Instant at, String agenda, Instant now) {
        if (p.email() == null || p.emailOptOut()) {
            return;
        }
        var place = new Place(p.timeZone(), p.country());
        var local = at.atZone(p.timeZone());
        var rep = rep(p);
        var when = local.format(DAY) + " at " + local.format(TIME) + " ("
                + p.timeZone().getId() + ")";
        var invitation = invitation(p, appointmentId, sequence, at, agenda, Invitation.Method.REQUEST);
        outbox.enqueue(new OutgoingEmail(
                "appointment/" + appointmentId + "/" + sequence + "/thank-you",
                p.id(),
                to(p),
                rep,
                "Thank you, " + p.firstName() + " — talk on " + local.format(DAY),
                "Hi " + p.firstName() + ",\n\nThank you for taking the time to speak with me today. I look forward to"
                        + " speaking with you further on " + when + ".\n\n" + agendaText(agenda)
                        + "\nBest regards,\n" + rep.name() + "\n"
                        + team.organisation().name(),
                now,
                false,
                invitation));
        var reminderDay = previousBusinessDay(local.toLocalDate(), place);
        var reminderAt = calendar.at(reminderDay, java.time.LocalTime.of(10, 0), place);
        if (reminderAt.isAfter(now)) {
            outbox.enqueue(new OutgoingEmail(
                    "appointment/" + appointmentId + "/" + sequence + "/reminder",
                    p.id(),
                    to(p),
                    rep,
                    "Telephone appointment for " + local.format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH))
                            + " and article of interest",
                    "Hi " + p.firstName() + ",\n\nA short reminder of our telephone appointment on " + when
                            + ". The call"
                            + " should only take 10 minutes: "
                            + (agenda == null ? "we'll go over where you stand" : agenda)
                            + ", then we'll determine the next steps, if any.\n\nBest regards,\n"
                            + rep.name() + "\n" + team.organisation().name(),
                    reminderAt,
                    false,
                    invitation));
        }
    }

    /** Tells the prospect's calendar the appointment is off. */
    void cancelled(Prospect p, UUID appointmentId, int sequence, Instant at, Instant now) {
        if (p.email() == null || p.emailOptOut()) {
            return;
        }
        outbox.cancel("appointment/" + appointmentId + "/" + (sequence - 1) + "/reminder");
        outbox.enqueue(new OutgoingEmail(
                "appointment/" + appointmentId + "/" + sequence + "/cancel",
                p.id(),
                to(p),
                rep(p),
                "Cancelled: our call on " + at.atZone(p.timeZone()).format(DAY),
                "Hi " + p.firstName() + ",\n\nOur call is cancelled; the calendar entry is removed.\n",
                now,
                false,
                invitation(p, appointmentId, sequence, at, null, Invitation.Method.CANCEL)));
    }

    private java.time.LocalDate previousBusinessDay(java.time.LocalDate date, Place place) {
        var day = date.minusDays(1);
        while (!calendar.isBusinessDay(day, place)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private Invitation invitation(
            Prospect p, UUID id, int sequence, Instant at, String agenda, Invitation.Method method) {
        var rep = rep(p);
        return new Invitation(
                id + "@followthrough",
                sequence,
                method,
                at.atZone(p.timeZone()),
                Duration.ofMinutes(15),
                "Call with " + rep.name() + " (" + team.organisation().name() + ")",
                agenda,
                rep,
                to(p));
    }

    private static String agendaText(String agenda) {
        return agenda == null || agenda.isBlank() ? "" : "Agenda: " + agenda + "\n";
    }

    private Recipient rep(Prospect p) {
        var member = team.member(p.ownerId());
        return new Recipient(
                member.map(Member::fullName).orElse(team.organisation().name()),
                member.map(Member::email).orElse("followthrough@localhost"));
    }

    private static Recipient to(Prospect p) {
        return new Recipient(p.fullName(), p.email());
    }

    private static String company(Prospect p) {
        return p.company() == null ? "your team" : p.company();
    }
}
