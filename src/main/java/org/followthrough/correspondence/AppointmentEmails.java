package org.followthrough.correspondence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.appointments.Appointment;
import org.followthrough.appointments.AppointmentBooked;
import org.followthrough.appointments.AppointmentCancelled;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.appointments.AppointmentMoved;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;
import org.followthrough.messaging.Invitation;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.scripts.ArticlesSent;
import org.followthrough.scripts.MessageValues;
import org.followthrough.scripts.Rendered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The emails around an appointment (R10), worded from the team's templates: the thank-you right
 * after the call and the reminder the business day before at 10:00 local with an article the
 * prospect was not sent in its P.S.; a new time or a cancellation. Each carries the invitation with
 * the appointment's one UID and its current SEQUENCE, so the prospect's calendar updates in place.
 * Dedupe keys are {@code appointment/<id>/<sequence>/<purpose>}.
 */
@Component
class AppointmentEmails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);

    /** How long an email written right after a call is still worth sending. */
    static final Duration STALE_AFTER = Duration.ofDays(2);

    /** What a reminder says the call covers when no agenda was agreed. */
    static final String DEFAULT_AGENDA = "We'll go over where things stand and what matters most to you";

    private final Outbox outbox;
    private final EmailParties parties;
    private final EmailWording wording;
    private final ArticlesSent articles;
    private final CallCalendar calendar;
    private final Prospects prospects;
    private final AppointmentChanges appointments;
    private final Clock clock;

    AppointmentEmails(
            Outbox outbox,
            EmailParties parties,
            EmailWording wording,
            ArticlesSent articles,
            CallCalendar calendar,
            Prospects prospects,
            AppointmentChanges appointments,
            Clock clock) {
        this.outbox = outbox;
        this.parties = parties;
        this.wording = wording;
        this.articles = articles;
        this.calendar = calendar;
        this.prospects = prospects;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** In the booking's transaction: the emails go with the appointment or not at all. */
    @EventListener
    void on(AppointmentBooked booked) {
        about(booked.appointmentId(), booked.prospectId(), this::booked);
    }

    @EventListener
    void on(AppointmentMoved moved) {
        about(moved.appointmentId(), moved.prospectId(), this::moved);
    }

    @EventListener
    void on(AppointmentCancelled cancelled) {
        about(cancelled.appointmentId(), cancelled.prospectId(), this::cancelled);
    }

    private void about(UUID appointmentId, UUID prospectId, Write write) {
        var prospect = prospects.byId(prospectId);
        var appointment = appointments.appointment(appointmentId);
        if (prospect.isPresent() && appointment.isPresent()) {
            write.write(prospect.get(), appointment.get(), clock.instant());
        }
    }

    private interface Write {
        void write(Prospect p, Appointment a, Instant now);
    }

    /** Thank-you now, and the reminder unless its moment has passed. */
    void booked(Prospect p, Appointment a, Instant now) {
        if (!EmailParties.mayEmail(p)) {
            return;
        }
        var key = key(a, "thank-you");
        var email = wording.write(
                "thank-you",
                1,
                values(p, a).build(),
                p.id(),
                key,
                () -> SafeWording.thankYou(
                        p, when(p, a), a.agenda(), parties.rep(p).name(), parties.organisation()));
        send(p, a, key, email, now, soonOrBefore(a, now), Invitation.Method.REQUEST);
        remind(p, a, now);
    }

    /** The appointment has a new time: the old reminder goes, the new time and its reminder are sent. */
    void moved(Prospect p, Appointment a, Instant now) {
        withdrawEarlier(a);
        if (!EmailParties.mayEmail(p)) {
            return;
        }
        var key = key(a, "moved");
        var day = a.at().atZone(p.timeZone()).format(DAY);
        var email = wording.write(
                "appointment-moved",
                1,
                values(p, a).build(),
                p.id(),
                key,
                () -> SafeWording.moved(p, day, when(p, a), parties.rep(p).name(), parties.organisation()));
        send(p, a, key, email, now, soonOrBefore(a, now), Invitation.Method.REQUEST);
        remind(p, a, now);
    }

    /** The appointment is off: the reminder goes, and the calendar entry is cancelled. */
    void cancelled(Prospect p, Appointment a, Instant now) {
        withdrawEarlier(a);
        if (!EmailParties.mayEmail(p)) {
            return;
        }
        var key = key(a, "cancel");
        var day = a.at().atZone(p.timeZone()).format(DAY);
        var email = wording.write(
                "appointment-cancelled",
                1,
                values(p, a).build(),
                p.id(),
                key,
                () -> SafeWording.cancelled(p, day, parties.rep(p).name(), parties.organisation()));
        send(p, a, key, email, now, soonOrBefore(a, now), Invitation.Method.CANCEL);
    }

    private void remind(Prospect p, Appointment a, Instant now) {
        var place = p.place();
        var local = a.at().atZone(p.timeZone());
        var reminderAt = calendar.at(previousBusinessDay(local.toLocalDate(), place), LocalTime.of(10, 0), place);
        if (!reminderAt.isAfter(now)) {
            return;
        }
        var key = key(a, "reminder");
        var article = articles.pickFor(p, parties.topics(p), key, reminderAt).orElse(null);
        var email = wording.write(
                "reminder",
                1,
                values(p, a).article(article).build(),
                p.id(),
                key,
                () -> SafeWording.reminder(
                        p,
                        local.format(MONTH_DAY),
                        when(p, a),
                        a.agenda(),
                        article,
                        parties.rep(p).name(),
                        parties.organisation()));
        // a reminder that cannot arrive before the call is no reminder
        send(p, a, key, email, reminderAt, a.at(), Invitation.Method.REQUEST);
    }

    /** Reminders and thank-yous of earlier versions that have not gone out would name the wrong time. */
    private void withdrawEarlier(Appointment a) {
        for (int s = 0; s < a.sequence(); s++) {
            var earlier = "appointment/" + a.id() + "/" + s + "/";
            // the article the reminder carried is forgotten with it (ArticlesSent hears EmailsWithdrawn)
            outbox.cancel(earlier + "reminder");
            outbox.cancel(earlier + "thank-you");
            outbox.cancel(earlier + "moved");
        }
    }

    /**
     * A thank-you, a new time or a cancellation is worth sending for two days (STALE_AFTER), and
     * never once the appointment's time has come.
     */
    private static Instant soonOrBefore(Appointment a, Instant now) {
        var soon = now.plus(STALE_AFTER);
        return a.at().isBefore(soon) ? a.at() : soon;
    }

    private void send(
            Prospect p,
            Appointment a,
            String key,
            Rendered email,
            Instant due,
            Instant expires,
            Invitation.Method method) {
        var rep = parties.rep(p);
        var invitation = new Invitation(
                a.id() + "@followthrough",
                a.sequence(),
                method,
                a.at().atZone(p.timeZone()),
                Duration.ofMinutes(15),
                "Call with " + rep.name() + " (" + parties.organisation() + ")",
                description(a),
                rep,
                EmailParties.to(p));
        outbox.enqueue(new OutgoingEmail(
                        key, p.id(), EmailParties.to(p), rep, email.subject(), email.body(), due, false, invitation)
                .expiringAt(expires));
    }

    private MessageValues values(Prospect p, Appointment a) {
        return parties.values(p).appointment(a.at().atZone(p.timeZone())).agenda(agendaOf(a));
    }

    /**
     * The calendar entry's description, in the words of the reminder (R10): "The call should only
     * take 10 minutes. <agenda>. Then we'll determine the next steps, if any."
     */
    static String description(Appointment a) {
        var agenda = agendaOf(a).strip();
        agenda = Character.toUpperCase(agenda.charAt(0)) + agenda.substring(1);
        return "The call should only take 10 minutes. " + (agenda.matches(".*[.!?]$") ? agenda : agenda + ".")
                + " Then we'll determine the next steps, if any.";
    }

    /** What the call will cover: the agreed agenda, or the default wording when none was agreed. */
    static String agendaOf(Appointment a) {
        return a.agenda() == null || a.agenda().isBlank() ? DEFAULT_AGENDA : a.agenda();
    }

    private static String key(Appointment a, String purpose) {
        return "appointment/" + a.id() + "/" + a.sequence() + "/" + purpose;
    }

    static String when(Prospect p, Appointment a) {
        var local = a.at().atZone(p.timeZone());
        return local.format(DAY) + " at " + local.format(TIME) + " (" + MessageValues.zoneName(p.timeZone()) + ")";
    }

    private LocalDate previousBusinessDay(LocalDate date, Place place) {
        var day = date.minusDays(1);
        while (!calendar.isBusinessDay(day, place)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
