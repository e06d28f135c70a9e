package org.followthrough.correspondence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.appointments.Appointment;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.calls.CallLogged;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.touches.LogCall;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The email that follows a connected call on which the rep noted pains, gains or promises (seed 000):
 * the key points and the next steps agreed, in writing, with the next call's time when one was
 * booked. Worded from the team's {@code post-call-summary} template and written to the outbox in the
 * call's own transaction, so it exists exactly when the call was logged. A call that ended with the
 * prospect lost gets none: there are no next steps to confirm.
 */
@Component
class CallSummaries {

    static final String TEMPLATE = "post-call-summary";

    private final Outbox outbox;
    private final EmailParties parties;
    private final EmailWording wording;
    private final Prospects prospects;
    private final AppointmentChanges appointments;
    private final Clock clock;

    CallSummaries(
            Outbox outbox,
            EmailParties parties,
            EmailWording wording,
            Prospects prospects,
            AppointmentChanges appointments,
            Clock clock) {
        this.outbox = outbox;
        this.parties = parties;
        this.wording = wording;
        this.prospects = prospects;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** In the logging transaction: a connected call's summary is written with the call. */
    @EventListener
    void on(CallLogged logged) {
        if (logged.outcome() != CallOutcome.CONNECTED) {
            return;
        }
        var booked = logged.bookedAppointmentId() == null
                ? null
                : appointments.appointment(logged.bookedAppointmentId()).orElse(null);
        prospects
                .byId(logged.prospectId())
                .ifPresent(p -> afterConnectedCall(p, logged.touchId(), logged.call(), booked, clock.instant()));
    }

    /** After a connected call; {@code booked} is the appointment it agreed, if any. */
    void afterConnectedCall(Prospect p, UUID touchId, LogCall call, Appointment booked, Instant now) {
        if (!EmailParties.mayEmail(p) || nothingNoted(call) || endsLost(call)) {
            return;
        }
        var pains = clean(call.pains());
        var gains = clean(call.gains());
        var promises = clean(call.promises());
        var values = parties.values(p).lastConversation(pains, gains, promises);
        String when = null;
        if (booked != null) {
            values.appointment(booked.at().atZone(p.timeZone())).agenda(AppointmentEmails.agendaOf(booked));
            when = AppointmentEmails.when(p, booked);
        }
        var key = "call/" + touchId + "/summary";
        var rep = parties.rep(p);
        var whenText = when;
        var email = wording.write(
                TEMPLATE,
                1,
                values.build(),
                p.id(),
                key,
                () -> SafeWording.summary(p, pains, gains, promises, whenText, rep.name(), parties.organisation()));
        outbox.enqueue(
                new OutgoingEmail(key, p.id(), EmailParties.to(p), rep, email.subject(), email.body(), now, false, null)
                        .expiringAt(now.plus(AppointmentEmails.STALE_AFTER)));
    }

    private static boolean nothingNoted(LogCall call) {
        return clean(call.pains()).isEmpty()
                && clean(call.gains()).isEmpty()
                && clean(call.promises()).isEmpty();
    }

    private static boolean endsLost(LogCall call) {
        var next = call.nextStep();
        return next != null
                && next.stage() != null
                && next.stage().toUpperCase(Locale.ROOT).equals("LOST");
    }

    private static List<String> clean(List<String> items) {
        return items == null
                ? List.of()
                : items.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .toList();
    }
}
